import type { ModuleCatalogue } from '../i18n/catalogue';

/**
 * Why an uploaded co-sell document was refused (packages/server/src/storage). Each key is the
 * `code` of a field issue on `['file']`; `{maximum}` sizes are in MB (1 MB = 1,048,576 bytes).
 */
const en = {
  'document.empty': 'The file is empty.',
  'document.tooLarge': 'The file is too large. The maximum is {maximum} MB.',
  'document.extensionNotAllowed': 'This file type is not accepted. Upload one of: {allowed}.',
  'document.contentMismatch':
    'The content is not a valid {extension} file. Save it again in that format, or use the extension that matches its content.',
  'document.executable': 'This file is a program, script or web page, not a document.',
  'document.activeContent':
    'The PDF contains scripts, launch actions, embedded files or multimedia. Save it again without them (for example by printing it to a new PDF).',
  'document.macros':
    'The file contains macros or ActiveX controls. Save it without them (for example as .docx, .pptx or .xlsx).',
  'document.encrypted':
    'The file is password-protected or encrypted. Remove the protection and upload it again.',
  'document.corrupt': 'The file is damaged or incomplete. Save it again and retry the upload.',
  'document.zipTooManyEntries':
    'The file is made of more than {maximum} parts. Reduce its content and upload it again.',
  'document.zipTooLarge': 'The file would unpack to more than {maximum} MB.',
  'document.zipBomb': 'The file is compressed suspiciously strongly and cannot be accepted.',
  'document.zipUnsafePath': 'The file contains parts with unsafe paths.',
  'document.doubleExtension':
    'The file name hides another file type ({extension}). Rename the file so that it has a single extension.',
  'document.badName':
    'Rename the file: its name is reserved or contains characters that are not allowed (/, \\, control characters or invisible text-direction marks).',
  'document.nameRequired': 'The file has no name. Give it a name before the extension.',
  'document.nameTooLong':
    'The file name is too long (at most {maximum} bytes). Shorten it and upload the file again.',
  'document.nameTrailing': 'The file name must not end with a dot or a space.',
} as const;

export const DOCUMENT_MESSAGES: ModuleCatalogue<typeof en> = {
  en,
  'zh-CN': {
    'document.empty': '文件为空。',
    'document.tooLarge': '文件过大。最大为 {maximum} MB。',
    'document.extensionNotAllowed': '不接受此文件类型。请上传以下类型之一：{allowed}。',
    'document.contentMismatch':
      '文件内容不是有效的 {extension} 文件。请以该格式重新保存，或使用与内容相符的扩展名。',
    'document.executable': '此文件是程序、脚本或网页，而不是文档。',
    'document.activeContent':
      '此 PDF 包含脚本、启动操作、嵌入文件或多媒体内容。请去除这些内容后重新保存（例如打印为新的 PDF）。',
    'document.macros':
      '文件包含宏或 ActiveX 控件。请以不含宏的格式重新保存（例如 .docx、.pptx 或 .xlsx）。',
    'document.encrypted': '文件受密码保护或已加密。请取消保护后重新上传。',
    'document.corrupt': '文件已损坏或不完整。请重新保存后再上传。',
    'document.zipTooManyEntries': '文件包含的部件超过 {maximum} 个。请精简内容后重新上传。',
    'document.zipTooLarge': '文件解压后将超过 {maximum} MB。',
    'document.zipBomb': '文件的压缩比异常高，无法接受。',
    'document.zipUnsafePath': '文件中包含路径不安全的部件。',
    'document.doubleExtension':
      '文件名中隐藏了另一种文件类型（{extension}）。请重命名文件，只保留一个扩展名。',
    'document.badName':
      '请重命名文件：文件名是保留名称，或包含不允许的字符（/、\\、控制字符或不可见的文字方向标记）。',
    'document.nameRequired': '文件没有名称。请在扩展名前加上名称。',
    'document.nameTooLong': '文件名过长（最多 {maximum} 字节）。请缩短后重新上传。',
    'document.nameTrailing': '文件名不能以句点或空格结尾。',
  },
  'zh-TW': {
    'document.empty': '檔案是空的。',
    'document.tooLarge': '檔案太大。上限為 {maximum} MB。',
    'document.extensionNotAllowed': '不接受此檔案類型。請上傳下列類型之一：{allowed}。',
    'document.contentMismatch':
      '檔案內容不是有效的 {extension} 檔案。請以該格式重新儲存，或使用與內容相符的副檔名。',
    'document.executable': '此檔案是程式、指令碼或網頁，而不是文件。',
    'document.activeContent':
      '此 PDF 含有指令碼、啟動動作、內嵌檔案或多媒體內容。請移除這些內容後重新儲存（例如列印成新的 PDF）。',
    'document.macros':
      '檔案含有巨集或 ActiveX 控制項。請以不含巨集的格式重新儲存（例如 .docx、.pptx 或 .xlsx）。',
    'document.encrypted': '檔案受密碼保護或已加密。請移除保護後重新上傳。',
    'document.corrupt': '檔案已損毀或不完整。請重新儲存後再上傳。',
    'document.zipTooManyEntries': '檔案包含超過 {maximum} 個組件。請精簡內容後重新上傳。',
    'document.zipTooLarge': '檔案解壓縮後會超過 {maximum} MB。',
    'document.zipBomb': '檔案的壓縮比異常地高，無法接受。',
    'document.zipUnsafePath': '檔案中含有路徑不安全的組件。',
    'document.doubleExtension':
      '檔名中隱藏了另一種檔案類型（{extension}）。請重新命名檔案，只保留一個副檔名。',
    'document.badName':
      '請重新命名檔案：檔名是保留名稱，或含有不允許的字元（/、\\、控制字元或看不見的文字方向標記）。',
    'document.nameRequired': '檔案沒有名稱。請在副檔名前加上名稱。',
    'document.nameTooLong': '檔名太長（最多 {maximum} 位元組）。請縮短後重新上傳。',
    'document.nameTrailing': '檔名不能以句點或空格結尾。',
  },
  'sv-SE': {
    'document.empty': 'Filen är tom.',
    'document.tooLarge': 'Filen är för stor. Högst {maximum} MB är tillåtet.',
    'document.extensionNotAllowed': 'Den här filtypen tas inte emot. Ladda upp en av: {allowed}.',
    'document.contentMismatch':
      'Innehållet är inte en giltig {extension}-fil. Spara den igen i det formatet eller använd det filnamnstillägg som passar innehållet.',
    'document.executable': 'Filen är ett program, ett skript eller en webbsida, inte ett dokument.',
    'document.activeContent':
      'PDF-filen innehåller skript, startåtgärder, inbäddade filer eller multimedia. Spara den igen utan dem (till exempel genom att skriva ut den till en ny PDF).',
    'document.macros':
      'Filen innehåller makron eller ActiveX-kontroller. Spara den utan dem (till exempel som .docx, .pptx eller .xlsx).',
    'document.encrypted':
      'Filen är lösenordsskyddad eller krypterad. Ta bort skyddet och ladda upp den igen.',
    'document.corrupt':
      'Filen är skadad eller ofullständig. Spara den igen och försök ladda upp den på nytt.',
    'document.zipTooManyEntries':
      'Filen består av fler än {maximum} delar. Minska innehållet och ladda upp den igen.',
    'document.zipTooLarge': 'Filen skulle packas upp till mer än {maximum} MB.',
    'document.zipBomb': 'Filen är misstänkt hårt komprimerad och kan inte tas emot.',
    'document.zipUnsafePath': 'Filen innehåller delar med osäkra sökvägar.',
    'document.doubleExtension':
      'Filnamnet döljer en annan filtyp ({extension}). Byt namn på filen så att den bara har ett filnamnstillägg.',
    'document.badName':
      'Byt namn på filen: namnet är reserverat eller innehåller otillåtna tecken (/, \\, styrtecken eller osynliga textriktningstecken).',
    'document.nameRequired': 'Filen saknar namn. Ge den ett namn före filnamnstillägget.',
    'document.nameTooLong':
      'Filnamnet är för långt (högst {maximum} byte). Korta det och ladda upp filen igen.',
    'document.nameTrailing': 'Filnamnet får inte sluta med en punkt eller ett blanksteg.',
  },
  'pl-PL': {
    'document.empty': 'Plik jest pusty.',
    'document.tooLarge': 'Plik jest za duży. Maksymalny rozmiar to {maximum} MB.',
    'document.extensionNotAllowed':
      'Ten typ pliku nie jest akceptowany. Prześlij plik jednego z typów: {allowed}.',
    'document.contentMismatch':
      'Zawartość nie jest prawidłowym plikiem {extension}. Zapisz go ponownie w tym formacie lub użyj rozszerzenia zgodnego z zawartością.',
    'document.executable':
      'Ten plik jest programem, skryptem lub stroną internetową, a nie dokumentem.',
    'document.activeContent':
      'Ten plik PDF zawiera skrypty, akcje uruchamiania, osadzone pliki lub multimedia. Zapisz go ponownie bez nich (na przykład drukując go do nowego pliku PDF).',
    'document.macros':
      'Plik zawiera makra lub formanty ActiveX. Zapisz go bez nich (na przykład jako .docx, .pptx lub .xlsx).',
    'document.encrypted':
      'Plik jest chroniony hasłem lub zaszyfrowany. Usuń zabezpieczenie i prześlij go ponownie.',
    'document.corrupt':
      'Plik jest uszkodzony lub niekompletny. Zapisz go ponownie i spróbuj przesłać jeszcze raz.',
    'document.zipTooManyEntries':
      'Plik składa się z ponad {maximum} części. Ogranicz zawartość i prześlij go ponownie.',
    'document.zipTooLarge': 'Po rozpakowaniu plik zająłby ponad {maximum} MB.',
    'document.zipBomb': 'Plik jest podejrzanie silnie skompresowany i nie może zostać przyjęty.',
    'document.zipUnsafePath': 'Plik zawiera części z niebezpiecznymi ścieżkami.',
    'document.doubleExtension':
      'Nazwa pliku ukrywa inny typ pliku ({extension}). Zmień nazwę pliku tak, aby miała tylko jedno rozszerzenie.',
    'document.badName':
      'Zmień nazwę pliku: jest to nazwa zastrzeżona lub zawiera niedozwolone znaki (/, \\, znaki sterujące lub niewidoczne znaczniki kierunku tekstu).',
    'document.nameRequired': 'Plik nie ma nazwy. Dodaj nazwę przed rozszerzeniem.',
    'document.nameTooLong':
      'Nazwa pliku jest za długa (maksymalnie {maximum} bajtów). Skróć ją i prześlij plik ponownie.',
    'document.nameTrailing': 'Nazwa pliku nie może kończyć się kropką ani spacją.',
  },
};
