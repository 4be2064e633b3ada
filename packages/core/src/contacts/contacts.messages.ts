import type { ModuleCatalogue } from '../i18n/catalogue';

/*
 * Two families: `contacts.<field>.*` for the REST API (zod errors: no placeholders, the field is
 * the JSON pointer) and `contacts.csv.*` for an imported file, read by someone fixing a
 * spreadsheet, so every message names its row and column. Column names stay the English
 * headers of the file in every language: they are what the user sees in the first row.
 */
const en = {
  'contacts.name.required': 'Enter the contact’s name.',
  'contacts.jobTitle.required': 'Enter the contact’s job title.',
  'contacts.text.tooLong': 'Use at most 120 characters.',
  'contacts.text.controlCharacters': 'Remove line breaks, tabs and other control characters.',
  'contacts.role.unknown': 'Choose one of the four contact roles.',
  'contacts.countries.required':
    'Add at least one country/region code, or OOO for all countries/regions.',
  'contacts.country.unknown':
    'This is not a country/region code. Use two-letter codes such as US, or OOO.',
  'contacts.countries.allRegionsAlone':
    'OOO (all countries/regions) cannot be combined with other codes.',
  'contacts.state.unknown':
    'This is not a state/province code. Use codes such as US-WA, CA-ON or AU-NSW.',
  'contacts.state.countryMissing':
    'Add the country of this state/province to the contact’s countries/regions.',
  'contacts.csv.required': 'Row {row}: the “{column}” cell is empty. Fill it in.',
  'contacts.csv.tooLong': 'Row {row}: “{column}” is longer than {maximum} characters.',
  'contacts.csv.controlCharacters':
    'Row {row}: “{column}” contains a line break, tab or other control character. Keep the text on one line.',
  'contacts.csv.unreadable':
    'Row {row}: “{column}” contains characters that could not be read. Save the file as “CSV UTF-8” and import it again.',
  'contacts.csv.emailInvalid': 'Row {row}: “{value}” in “{column}” is not a valid e-mail address.',
  'contacts.csv.roleUnknown':
    'Row {row}: “{value}” in “{column}” is not a contact role. Use one of: {roles}.',
  'contacts.csv.countryUnknown':
    'Row {row}: “{value}” in “{column}” is neither a country/region code nor a country/region name. Use two-letter codes such as US, names such as United States, or OOO for all countries/regions.',
  'contacts.csv.allRegionsAlone':
    'Row {row}: “{column}” combines OOO (all countries/regions) with other codes. Use OOO alone or list the countries/regions.',
  'contacts.csv.stateUnknown':
    'Row {row}: “{value}” in “{column}” is not a state/province code. Use codes such as US-WA, CA-ON or AU-NSW.',
  'contacts.csv.stateCountryMissing':
    'Row {row}: “{value}” in “{column}” belongs to {country}, which is not listed under “Countries/Regions”.',
  'contacts.csv.malformedQuotes':
    'Row {row}: a quotation mark is not closed, or other text follows it in the same cell. Put the whole cell in quotation marks and double every quotation mark inside it.',
  'contacts.csv.tooManyCells':
    'Row {row} has {count} cells, but the file has only {maximum} columns. Put cells that contain the separator in quotation marks.',
  'contacts.csv.missingColumn':
    'The first row has no “{column}” column. The columns are: {columns}.',
  'contacts.csv.duplicateColumn': 'The first row names the “{column}” column more than once.',
  'contacts.csv.unknownColumn':
    'The first row names a column “{value}” that is not part of the contacts file. The columns are: {columns}.',
  'contacts.csv.encoding':
    'The file is not saved as UTF-8, and its characters look like {encoding}, which cannot be read without doubt in your language. In Excel, choose File › Save As, select the file type “CSV UTF-8 (Comma delimited) (*.csv)”, and import the saved file.',
  'contacts.csv.encodingUnknown':
    'The file is not saved as UTF-8, and its encoding was not recognised. In Excel, choose File › Save As, select the file type “CSV UTF-8 (Comma delimited) (*.csv)”, and import the saved file.',
  'contacts.template.roles': 'Role: one of {roles}.',
  'contacts.template.countries':
    'Countries/Regions: two-letter codes (US, DE) or names (United States, Deutschland), separated by commas; OOO or “All countries/regions” for all of them.',
  'contacts.template.states':
    'States/Provinces (optional): codes such as US-WA, CA-ON or AU-NSW, of a country listed in the same row.',
  'contacts.template.ignored':
    'Lines starting with # and the example row are not imported: replace the example with your contacts, one row per person and role, and save as CSV UTF-8.',
} as const;

export const CONTACT_MESSAGES: ModuleCatalogue<typeof en> = {
  en,
  'zh-CN': {
    'contacts.name.required': '请输入联系人姓名。',
    'contacts.jobTitle.required': '请输入联系人职务。',
    'contacts.text.tooLong': '最多使用 120 个字符。',
    'contacts.text.controlCharacters': '请删除换行符、制表符和其他控制字符。',
    'contacts.role.unknown': '请从四种联系人角色中选择一种。',
    'contacts.countries.required': '请至少添加一个国家/地区代码，或使用 OOO 表示所有国家/地区。',
    'contacts.country.unknown': '这不是国家/地区代码。请使用两个字母的代码（如 US）或 OOO。',
    'contacts.countries.allRegionsAlone': 'OOO（所有国家/地区）不能与其他代码同时使用。',
    'contacts.state.unknown': '这不是州/省代码。请使用 US-WA、CA-ON 或 AU-NSW 等代码。',
    'contacts.state.countryMissing': '请将此州/省所属的国家添加到联系人的国家/地区中。',
    'contacts.csv.required': '第 {row} 行：“{column}”为空，请填写。',
    'contacts.csv.tooLong': '第 {row} 行：“{column}”超过 {maximum} 个字符。',
    'contacts.csv.controlCharacters':
      '第 {row} 行：“{column}”包含换行符、制表符或其他控制字符。请将文本写在一行内。',
    'contacts.csv.unreadable':
      '第 {row} 行：“{column}”包含无法读取的字符。请将文件另存为“CSV UTF-8”后重新导入。',
    'contacts.csv.emailInvalid': '第 {row} 行：“{column}”中的“{value}”不是有效的电子邮件地址。',
    'contacts.csv.roleUnknown':
      '第 {row} 行：“{column}”中的“{value}”不是联系人角色。请使用以下之一：{roles, list}。',
    'contacts.csv.countryUnknown':
      '第 {row} 行：“{column}”中的“{value}”既不是国家/地区代码，也不是国家/地区名称。请使用两个字母的代码（如 US）、名称（如“美国”），或使用 OOO 表示所有国家/地区。',
    'contacts.csv.allRegionsAlone':
      '第 {row} 行：“{column}”将 OOO（所有国家/地区）与其他代码一起使用。请单独使用 OOO，或列出具体的国家/地区。',
    'contacts.csv.stateUnknown':
      '第 {row} 行：“{column}”中的“{value}”不是州/省代码。请使用 US-WA、CA-ON 或 AU-NSW 等代码。',
    'contacts.csv.stateCountryMissing':
      '第 {row} 行：“{column}”中的“{value}”属于 {country}，但该国家未列在“Countries/Regions”中。',
    'contacts.csv.malformedQuotes':
      '第 {row} 行：引号未闭合，或同一单元格中引号后还有其他文本。请用引号括住整个单元格，并将单元格内的每个引号写成两个。',
    'contacts.csv.tooManyCells':
      '第 {row} 行有 {count} 个单元格，但文件只有 {maximum} 列。请用引号括住包含分隔符的单元格。',
    'contacts.csv.missingColumn': '第一行缺少“{column}”列。文件的列为：{columns, list}。',
    'contacts.csv.duplicateColumn': '第一行中“{column}”列出现了多次。',
    'contacts.csv.unknownColumn':
      '第一行包含不属于联系人文件的列“{value}”。文件的列为：{columns, list}。',
    'contacts.csv.encoding':
      '文件未保存为 UTF-8，其字符看起来是 {encoding} 编码，无法在你的语言下准确读取。请在 Excel 中选择“文件”›“另存为”，将文件类型设为“CSV UTF-8(逗号分隔)(*.csv)”，然后导入保存后的文件。',
    'contacts.csv.encodingUnknown':
      '文件未保存为 UTF-8，且无法识别其编码。请在 Excel 中选择“文件”›“另存为”，将文件类型设为“CSV UTF-8(逗号分隔)(*.csv)”，然后导入保存后的文件。',
    'contacts.template.roles': 'Role（角色）：以下之一：{roles, list}。',
    'contacts.template.countries':
      'Countries/Regions（国家/地区）：两个字母的代码（US、DE）或名称（美国、德国），用逗号分隔；OOO 或“所有国家/地区”表示全部。',
    'contacts.template.states':
      'States/Provinces（州/省，可选）：US-WA、CA-ON 或 AU-NSW 等代码，且所属国家须列在同一行中。',
    'contacts.template.ignored':
      '以 # 开头的行和示例行不会被导入：请将示例替换为你的联系人（每人每个角色一行），并保存为 CSV UTF-8。',
  },
  'zh-TW': {
    'contacts.name.required': '請輸入聯絡人姓名。',
    'contacts.jobTitle.required': '請輸入聯絡人職稱。',
    'contacts.text.tooLong': '最多使用 120 個字元。',
    'contacts.text.controlCharacters': '請移除換行、定位字元和其他控制字元。',
    'contacts.role.unknown': '請從四種聯絡人角色中選擇一種。',
    'contacts.countries.required': '請至少新增一個國家/地區代碼，或使用 OOO 表示所有國家/地區。',
    'contacts.country.unknown': '這不是國家/地區代碼。請使用兩個字母的代碼（例如 US）或 OOO。',
    'contacts.countries.allRegionsAlone': 'OOO（所有國家/地區）不能與其他代碼同時使用。',
    'contacts.state.unknown': '這不是州/省代碼。請使用 US-WA、CA-ON 或 AU-NSW 等代碼。',
    'contacts.state.countryMissing': '請將此州/省所屬的國家新增到聯絡人的國家/地區中。',
    'contacts.csv.required': '第 {row} 列：「{column}」欄是空的，請填寫。',
    'contacts.csv.tooLong': '第 {row} 列：「{column}」欄超過 {maximum} 個字元。',
    'contacts.csv.controlCharacters':
      '第 {row} 列：「{column}」欄包含換行、定位字元或其他控制字元。請移除這些字元。',
    'contacts.csv.unreadable':
      '第 {row} 列：「{column}」欄包含無法讀取的字元。請將檔案另存為「CSV UTF-8」後重新匯入。',
    'contacts.csv.emailInvalid':
      '第 {row} 列：「{column}」欄中的「{value}」不是有效的電子郵件地址。',
    'contacts.csv.roleUnknown':
      '第 {row} 列：「{column}」欄中的「{value}」不是聯絡人角色。請使用下列其中之一：{roles, list}。',
    'contacts.csv.countryUnknown':
      '第 {row} 列：「{column}」欄中的「{value}」既不是國家/地區代碼，也不是國家/地區名稱。請使用兩個字母的代碼（例如 US）、名稱（例如「美國」），或使用 OOO 表示所有國家/地區。',
    'contacts.csv.allRegionsAlone':
      '第 {row} 列：「{column}」欄將 OOO（所有國家/地區）與其他代碼一起使用。請單獨使用 OOO，或列出各個國家/地區。',
    'contacts.csv.stateUnknown':
      '第 {row} 列：「{column}」欄中的「{value}」不是州/省代碼。請使用 US-WA、CA-ON 或 AU-NSW 等代碼。',
    'contacts.csv.stateCountryMissing':
      '第 {row} 列：「{column}」欄中的「{value}」屬於 {country}，但該國家未列在「Countries/Regions」欄中。',
    'contacts.csv.malformedQuotes':
      '第 {row} 列：引號未閉合，或同一儲存格中的引號後面還有其他文字。請用引號括住整個儲存格，並將儲存格內的每個引號寫成兩個。',
    'contacts.csv.tooManyCells':
      '第 {row} 列有 {count} 個儲存格，但檔案只有 {maximum} 欄。請用引號括住包含分隔符號的儲存格。',
    'contacts.csv.missingColumn': '第一列缺少「{column}」欄。檔案的欄位為：{columns, list}。',
    'contacts.csv.duplicateColumn': '第一列中「{column}」欄出現了不只一次。',
    'contacts.csv.unknownColumn':
      '第一列包含不屬於聯絡人檔案的欄位「{value}」。檔案的欄位為：{columns, list}。',
    'contacts.csv.encoding':
      '檔案未儲存為 UTF-8，其字元看起來是 {encoding} 編碼，無法在你的語言下準確讀取。請在 Excel 中選擇「檔案」›「另存新檔」，將檔案類型設為「CSV UTF-8(逗號分隔)(*.csv)」，然後匯入儲存後的檔案。',
    'contacts.csv.encodingUnknown':
      '檔案未儲存為 UTF-8，且無法辨識其編碼。請在 Excel 中選擇「檔案」›「另存新檔」，將檔案類型設為「CSV UTF-8(逗號分隔)(*.csv)」，然後匯入儲存後的檔案。',
    'contacts.template.roles': 'Role（角色）：下列其中之一：{roles, list}。',
    'contacts.template.countries':
      'Countries/Regions（國家/地區）：兩個字母的代碼（US、DE）或名稱（美國、德國），以逗號分隔；OOO 或「所有國家/地區」表示全部。',
    'contacts.template.states':
      'States/Provinces（州/省，選填）：US-WA、CA-ON 或 AU-NSW 等代碼，且所屬國家須列在同一列中。',
    'contacts.template.ignored':
      '以 # 開頭的列和範例列不會被匯入：請將範例換成你的聯絡人（每人每個角色一列），並儲存為 CSV UTF-8。',
  },
  'sv-SE': {
    'contacts.name.required': 'Ange kontaktpersonens namn.',
    'contacts.jobTitle.required': 'Ange kontaktpersonens befattning.',
    'contacts.text.tooLong': 'Använd högst 120 tecken.',
    'contacts.text.controlCharacters': 'Ta bort radbrytningar, tabbar och andra styrtecken.',
    'contacts.role.unknown': 'Välj en av de fyra kontaktrollerna.',
    'contacts.countries.required':
      'Lägg till minst en lands- eller regionkod, eller OOO för alla länder/regioner.',
    'contacts.country.unknown':
      'Det här är ingen lands- eller regionkod. Använd koder med två bokstäver, till exempel US, eller OOO.',
    'contacts.countries.allRegionsAlone':
      'OOO (alla länder/regioner) kan inte kombineras med andra koder.',
    'contacts.state.unknown':
      'Det här är ingen kod för delstat eller provins. Använd koder som US-WA, CA-ON eller AU-NSW.',
    'contacts.state.countryMissing':
      'Lägg till landet som delstaten/provinsen hör till bland kontaktens länder/regioner.',
    'contacts.csv.required': 'Rad {row}: cellen i kolumnen ”{column}” är tom. Fyll i den.',
    'contacts.csv.tooLong': 'Rad {row}: ”{column}” är längre än {maximum} tecken.',
    'contacts.csv.controlCharacters':
      'Rad {row}: ”{column}” innehåller en radbrytning, en tabb eller något annat styrtecken. Skriv texten på en rad.',
    'contacts.csv.unreadable':
      'Rad {row}: ”{column}” innehåller tecken som inte gick att läsa. Spara filen som ”CSV UTF-8” och importera den igen.',
    'contacts.csv.emailInvalid': 'Rad {row}: ”{value}” i ”{column}” är ingen giltig e-postadress.',
    'contacts.csv.roleUnknown':
      'Rad {row}: ”{value}” i ”{column}” är ingen kontaktroll. Använd någon av: {roles}.',
    'contacts.csv.countryUnknown':
      'Rad {row}: ”{value}” i ”{column}” är varken en lands- eller regionkod eller ett lands- eller regionnamn. Använd koder med två bokstäver, till exempel US, namn som USA, eller OOO för alla länder/regioner.',
    'contacts.csv.allRegionsAlone':
      'Rad {row}: ”{column}” kombinerar OOO (alla länder/regioner) med andra koder. Använd bara OOO eller räkna upp länderna/regionerna.',
    'contacts.csv.stateUnknown':
      'Rad {row}: ”{value}” i ”{column}” är ingen kod för delstat eller provins. Använd koder som US-WA, CA-ON eller AU-NSW.',
    'contacts.csv.stateCountryMissing':
      'Rad {row}: ”{value}” i ”{column}” hör till {country}, som inte finns med under ”Countries/Regions”.',
    'contacts.csv.malformedQuotes':
      'Rad {row}: ett citattecken avslutas inte, eller följs av annan text i samma cell. Sätt hela cellen inom citattecken och skriv varje citattecken i den två gånger.',
    'contacts.csv.tooManyCells':
      'Rad {row} har {count} celler, men filen har bara {maximum} kolumner. Sätt celler som innehåller avgränsaren inom citattecken.',
    'contacts.csv.missingColumn':
      'Kolumnen ”{column}” saknas på första raden. Kolumnerna är: {columns}.',
    'contacts.csv.duplicateColumn': 'Kolumnen ”{column}” finns mer än en gång på första raden.',
    'contacts.csv.unknownColumn':
      'Första raden har kolumnen ”{value}”, som inte hör till kontaktfilen. Kolumnerna är: {columns}.',
    'contacts.csv.encoding':
      'Filen är inte sparad som UTF-8, och dess tecken ser ut som {encoding}, som inte kan läsas säkert för ditt språk. Välj Arkiv › Spara som i Excel, välj filformatet ”CSV UTF-8 (kommaavgränsad) (*.csv)” och importera den sparade filen.',
    'contacts.csv.encodingUnknown':
      'Filen är inte sparad som UTF-8, och dess teckenkodning gick inte att känna igen. Välj Arkiv › Spara som i Excel, välj filformatet ”CSV UTF-8 (kommaavgränsad) (*.csv)” och importera den sparade filen.',
    'contacts.template.roles': 'Role (roll): en av {roles}.',
    'contacts.template.countries':
      'Countries/Regions (länder/regioner): koder med två bokstäver (US, DE) eller namn (USA, Tyskland), åtskilda med kommatecken; OOO eller ”Alla länder/regioner” för alla.',
    'contacts.template.states':
      'States/Provinces (delstater/provinser, valfritt): koder som US-WA, CA-ON eller AU-NSW, för ett land som finns på samma rad.',
    'contacts.template.ignored':
      'Rader som börjar med # och exempelraden importeras inte: ersätt exemplet med era kontakter, en rad per person och roll, och spara som CSV UTF-8.',
  },
  'pl-PL': {
    'contacts.name.required': 'Podaj imię i nazwisko osoby kontaktowej.',
    'contacts.jobTitle.required': 'Podaj stanowisko osoby kontaktowej.',
    'contacts.text.tooLong': 'Użyj co najwyżej 120 znaków.',
    'contacts.text.controlCharacters': 'Usuń podziały wierszy, tabulatory i inne znaki sterujące.',
    'contacts.role.unknown': 'Wybierz jedną z czterech ról kontaktu.',
    'contacts.countries.required':
      'Dodaj co najmniej jeden kod kraju/regionu albo OOO dla wszystkich krajów/regionów.',
    'contacts.country.unknown':
      'To nie jest kod kraju/regionu. Użyj kodu dwuliterowego, np. US, albo OOO.',
    'contacts.countries.allRegionsAlone':
      'Kodu OOO (wszystkie kraje/regiony) nie można łączyć z innymi kodami.',
    'contacts.state.unknown':
      'To nie jest kod stanu/prowincji. Użyj kodów takich jak US-WA, CA-ON lub AU-NSW.',
    'contacts.state.countryMissing':
      'Dodaj kraj, do którego należy ten stan/prowincja, do krajów/regionów kontaktu.',
    'contacts.csv.required':
      'Wiersz {row}: komórka w kolumnie „{column}” jest pusta. Uzupełnij ją.',
    'contacts.csv.tooLong':
      'Wiersz {row}: tekst w kolumnie „{column}” jest dłuższy niż {maximum} znaków.',
    'contacts.csv.controlCharacters':
      'Wiersz {row}: kolumna „{column}” zawiera podział wiersza, tabulator lub inny znak sterujący. Zapisz tekst w jednym wierszu.',
    'contacts.csv.unreadable':
      'Wiersz {row}: kolumna „{column}” zawiera znaki, których nie udało się odczytać. Zapisz plik jako „CSV UTF-8” i zaimportuj go ponownie.',
    'contacts.csv.emailInvalid':
      'Wiersz {row}: „{value}” w kolumnie „{column}” nie jest prawidłowym adresem e-mail.',
    'contacts.csv.roleUnknown':
      'Wiersz {row}: „{value}” w kolumnie „{column}” nie jest rolą kontaktu. Użyj jednej z wartości: {roles}.',
    'contacts.csv.countryUnknown':
      'Wiersz {row}: „{value}” w kolumnie „{column}” nie jest ani kodem, ani nazwą kraju/regionu. Użyj kodów dwuliterowych, np. US, nazw, np. Stany Zjednoczone, albo OOO dla wszystkich krajów/regionów.',
    'contacts.csv.allRegionsAlone':
      'Wiersz {row}: w kolumnie „{column}” kod OOO (wszystkie kraje/regiony) występuje razem z innymi kodami. Podaj samo OOO albo wymień kraje/regiony.',
    'contacts.csv.stateUnknown':
      'Wiersz {row}: „{value}” w kolumnie „{column}” nie jest kodem stanu/prowincji. Użyj kodów takich jak US-WA, CA-ON lub AU-NSW.',
    'contacts.csv.stateCountryMissing':
      'Wiersz {row}: „{value}” w kolumnie „{column}” należy do kraju {country}, którego brakuje w kolumnie „Countries/Regions”.',
    'contacts.csv.malformedQuotes':
      'Wiersz {row}: cudzysłów nie został zamknięty albo po nim w tej samej komórce jest inny tekst. Ujmij całą komórkę w cudzysłów i podwój każdy cudzysłów wewnątrz niej.',
    'contacts.csv.tooManyCells':
      'Wiersz {row}: liczba komórek ({count}) przekracza liczbę kolumn w pliku ({maximum}). Komórki zawierające separator ujmij w cudzysłów.',
    'contacts.csv.missingColumn':
      'W pierwszym wierszu brakuje kolumny „{column}”. Kolumny pliku to: {columns}.',
    'contacts.csv.duplicateColumn':
      'Kolumna „{column}” występuje w pierwszym wierszu więcej niż raz.',
    'contacts.csv.unknownColumn':
      'Pierwszy wiersz zawiera kolumnę „{value}”, która nie należy do pliku kontaktów. Kolumny pliku to: {columns}.',
    'contacts.csv.encoding':
      'Plik nie jest zapisany w UTF-8, a jego znaki wyglądają na kodowanie {encoding}, którego nie da się jednoznacznie odczytać dla Twojego języka. W Excelu wybierz Plik › Zapisz jako, ustaw typ pliku „CSV UTF-8 (rozdzielany przecinkami) (*.csv)” i zaimportuj zapisany plik.',
    'contacts.csv.encodingUnknown':
      'Plik nie jest zapisany w UTF-8, a jego kodowania nie udało się rozpoznać. W Excelu wybierz Plik › Zapisz jako, ustaw typ pliku „CSV UTF-8 (rozdzielany przecinkami) (*.csv)” i zaimportuj zapisany plik.',
    'contacts.template.roles': 'Role (rola): jedna z wartości {roles}.',
    'contacts.template.countries':
      'Countries/Regions (kraje/regiony): kody dwuliterowe (US, DE) lub nazwy (Stany Zjednoczone, Niemcy) rozdzielone przecinkami; OOO lub „Wszystkie kraje/regiony” dla wszystkich.',
    'contacts.template.states':
      'States/Provinces (stany/prowincje, opcjonalnie): kody takie jak US-WA, CA-ON lub AU-NSW, z kraju podanego w tym samym wierszu.',
    'contacts.template.ignored':
      'Wiersze zaczynające się od # oraz wiersz przykładowy nie są importowane: zastąp przykład swoimi kontaktami (jeden wiersz na osobę i rolę) i zapisz plik jako CSV UTF-8.',
  },
};
