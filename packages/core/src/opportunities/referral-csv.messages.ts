import type { ModuleCatalogue } from '../i18n/catalogue';

/*
 * Problems of an imported opportunities CSV, read by someone fixing a spreadsheet: every row
 * message names its row and column. Column names stay the English headers of the file in every
 * language: they are what the user sees in the first row. Field-level keys shared with the API
 * (`referral.country.invalid`, `referral.currency.invalid`) come from opportunities.messages.ts.
 */
const en = {
  'referralCsv.undo.notYours':
    'Only the person who imported the file, or someone who sees every deal of the organisation, can undo this import.',
  'referralCsv.undo.done': 'This import has already been undone.',
  'referralCsv.undo.expired':
    'An import can be undone for 24 hours only. Change the deals one by one instead.',
  'referralCsv.undo.changedSince':
    'Nothing was undone: deals of rows {rows} changed after the import. Change them one by one instead.',
  'referralCsv.undo.rowChanged': 'The deal of row {row} changed after the import.',
  'referralCsv.unknownId':
    'Row {row}, {column}: no deal you can see has this Id. Leave Id empty to create a new deal.',
  'referralCsv.ambiguousExternalId':
    'Row {row}, {column}: more than one deal has this External reference ID. Use the Id column instead.',
  'referralCsv.teamNotMember':
    'Row {row}, {column}: every team member must be a person of your organisation in cosell; one address is not.',
  'referralCsv.changedSince':
    'Row {row}, {column}: the deal changed after this file was exported. Export it again and repeat your change.',
  'referralCsv.repeatedDeal':
    'Row {row}, {column}: an earlier row already changes this deal. Keep one row per deal.',
  'referralCsv.nothingImported':
    'Nothing was imported: fix the rows listed and import the file again.',
  'referralCsv.empty': 'The file holds no deals. Add up to {max} rows under the header row.',
  'referralCsv.tooLong': 'Row {row}, {column}: use at most {max} characters.',
  'referralCsv.visibility': 'Row {row}, {column}: use one of {allowed}.',
  'referralCsv.salesStage': 'Row {row}, {column}: use one of the sales stages: {allowed}.',
  'referralCsv.dealValue':
    'Row {row}, {column}: “{value}” is not an amount. Write digits, such as 150000 or 150 000,50.',
  'referralCsv.closeDate':
    'Row {row}, {column}: “{value}” is not a date. Write it as year-month-day, such as 2027-03-31.',
  'referralCsv.tooMany': 'Row {row}, {column}: list at most {max} entries.',
  'referralCsv.teamEmail':
    'Row {row}, {column}: “{value}” is not an e-mail address. Separate addresses with semicolons.',
  'referralCsv.requiredForNew':
    'Row {row}, {column}: a new deal (a row without Id or External reference ID) needs this value.',
  'referralCsv.malformedQuotes':
    'Row {row}: a quotation mark is not closed. Save the file again from your spreadsheet.',
  'referralCsv.tooManyCells': 'Row {row} has more cells than the header’s {maximum} columns.',
  'referralCsv.tooManyRows':
    'The file has more than {max} deals. Split it into files of at most {max} rows.',
  'referralCsv.unknownColumn': 'The column “{value}” is not known. The columns are: {columns}.',
  'referralCsv.duplicateColumn': 'The column {column} appears more than once.',
  'referralCsv.noHeader':
    'The first row must name the columns: Id or External reference ID to update deals, Name and the deal’s columns to create them. The columns are: {columns}.',
} as const;

export const REFERRAL_CSV_MESSAGES: ModuleCatalogue<typeof en> = {
  en,
  'zh-CN': {
    'referralCsv.undo.notYours': '只有导入该文件的人，或能查看组织所有交易的人，才能撤销此导入。',
    'referralCsv.undo.done': '此导入已被撤销。',
    'referralCsv.undo.expired': '导入只能在 24 小时内撤销。请改为逐个修改交易。',
    'referralCsv.undo.changedSince':
      '未撤销任何内容：第 {rows} 行的交易在导入后已被更改。请改为逐个修改。',
    'referralCsv.undo.rowChanged': '第 {row} 行的交易在导入后已被更改。',
    'referralCsv.unknownId':
      '第 {row} 行，{column}：找不到你可查看的、具有此 Id 的交易。要新建交易，请将 Id 留空。',
    'referralCsv.ambiguousExternalId':
      '第 {row} 行，{column}：有多个交易使用此 External reference ID。请改用 Id 列。',
    'referralCsv.teamNotMember':
      '第 {row} 行，{column}：每个团队成员都必须是你组织在 cosell 中的人员，其中一个地址不是。',
    'referralCsv.changedSince':
      '第 {row} 行，{column}：此文件导出后，该交易已被更改。请重新导出并再次进行更改。',
    'referralCsv.repeatedDeal':
      '第 {row} 行，{column}：前面的行已在更改此交易。每个交易只保留一行。',
    'referralCsv.nothingImported': '未导入任何内容：请修正所列的行，然后再次导入文件。',
    'referralCsv.empty': '文件中没有交易。请在标题行下添加最多 {max} 行。',
    'referralCsv.tooLong': '第 {row} 行，{column}：最多 {max} 个字符。',
    'referralCsv.visibility': '第 {row} 行，{column}：请使用以下值之一：{allowed}。',
    'referralCsv.salesStage': '第 {row} 行，{column}：请使用以下销售阶段之一：{allowed}。',
    'referralCsv.dealValue':
      '第 {row} 行，{column}：“{value}”不是金额。请填写数字，例如 150000 或 150 000,50。',
    'referralCsv.closeDate':
      '第 {row} 行，{column}：“{value}”不是日期。请按“年-月-日”填写，例如 2027-03-31。',
    'referralCsv.tooMany': '第 {row} 行，{column}：最多列出 {max} 项。',
    'referralCsv.teamEmail':
      '第 {row} 行，{column}：“{value}”不是电子邮件地址。多个地址请用分号分隔。',
    'referralCsv.requiredForNew':
      '第 {row} 行，{column}：新交易（没有 Id 或 External reference ID 的行）需要填写此值。',
    'referralCsv.malformedQuotes': '第 {row} 行：引号未闭合。请从电子表格程序重新保存文件。',
    'referralCsv.tooManyCells': '第 {row} 行的单元格多于标题行的 {maximum} 列。',
    'referralCsv.tooManyRows': '文件中的交易超过 {max} 个。请拆分为每个最多 {max} 行的文件。',
    'referralCsv.unknownColumn': '无法识别列“{value}”。可用的列：{columns}。',
    'referralCsv.duplicateColumn': '列 {column} 出现了多次。',
    'referralCsv.noHeader':
      '第一行必须是列名：更新交易需要 Id 或 External reference ID，创建交易需要 Name 及交易的各列。可用的列：{columns}。',
  },
  'zh-TW': {
    'referralCsv.undo.notYours': '只有匯入該檔案的人，或能檢視組織所有交易的人，才能復原此匯入。',
    'referralCsv.undo.done': '此匯入已被復原。',
    'referralCsv.undo.expired': '匯入只能在 24 小時內復原。請改為逐一變更交易。',
    'referralCsv.undo.changedSince':
      '未復原任何內容：第 {rows} 列的交易在匯入後已變更。請改為逐一變更。',
    'referralCsv.undo.rowChanged': '第 {row} 列的交易在匯入後已變更。',
    'referralCsv.unknownId':
      '第 {row} 列，{column}：找不到你可檢視、具有此 Id 的交易。若要建立新交易，請將 Id 留空。',
    'referralCsv.ambiguousExternalId':
      '第 {row} 列，{column}：有多筆交易使用此 External reference ID。請改用 Id 欄。',
    'referralCsv.teamNotMember':
      '第 {row} 列，{column}：每位團隊成員都必須是你組織在 cosell 中的人員，其中一個地址不是。',
    'referralCsv.changedSince':
      '第 {row} 列，{column}：此檔案匯出後，該交易已被變更。請重新匯出並再次進行變更。',
    'referralCsv.repeatedDeal':
      '第 {row} 列，{column}：前面的列已在變更此交易。每筆交易只保留一列。',
    'referralCsv.nothingImported': '未匯入任何內容：請修正所列的列，然後再次匯入檔案。',
    'referralCsv.empty': '檔案中沒有交易。請在標題列下新增最多 {max} 列。',
    'referralCsv.tooLong': '第 {row} 列，{column}：最多 {max} 個字元。',
    'referralCsv.visibility': '第 {row} 列，{column}：請使用下列值之一：{allowed}。',
    'referralCsv.salesStage': '第 {row} 列，{column}：請使用下列銷售階段之一：{allowed}。',
    'referralCsv.dealValue':
      '第 {row} 列，{column}：「{value}」不是金額。請填寫數字，例如 150000 或 150 000,50。',
    'referralCsv.closeDate':
      '第 {row} 列，{column}：「{value}」不是日期。請依「年-月-日」填寫，例如 2027-03-31。',
    'referralCsv.tooMany': '第 {row} 列，{column}：最多列出 {max} 項。',
    'referralCsv.teamEmail':
      '第 {row} 列，{column}：「{value}」不是電子郵件地址。多個地址請以分號分隔。',
    'referralCsv.requiredForNew':
      '第 {row} 列，{column}：新交易（沒有 Id 或 External reference ID 的列）需要填寫此值。',
    'referralCsv.malformedQuotes': '第 {row} 列：引號未關閉。請從試算表程式重新儲存檔案。',
    'referralCsv.tooManyCells': '第 {row} 列的儲存格多於標題列的 {maximum} 欄。',
    'referralCsv.tooManyRows': '檔案中的交易超過 {max} 筆。請分成每個最多 {max} 列的檔案。',
    'referralCsv.unknownColumn': '無法辨識欄位「{value}」。可用的欄位：{columns}。',
    'referralCsv.duplicateColumn': '欄位 {column} 出現了多次。',
    'referralCsv.noHeader':
      '第一列必須是欄位名稱：更新交易需要 Id 或 External reference ID，建立交易需要 Name 及交易的各欄。可用的欄位：{columns}。',
  },
  'pl-PL': {
    'referralCsv.undo.notYours':
      'Ten import może cofnąć tylko osoba, która zaimportowała plik, lub ktoś, kto widzi wszystkie transakcje organizacji.',
    'referralCsv.undo.done': 'Ten import został już cofnięty.',
    'referralCsv.undo.expired':
      'Import można cofnąć tylko w ciągu 24 godzin. Zmień transakcje pojedynczo.',
    'referralCsv.undo.changedSince':
      'Niczego nie cofnięto: transakcje z wierszy {rows} zmieniły się po imporcie. Zmień je pojedynczo.',
    'referralCsv.undo.rowChanged': 'Transakcja z wiersza {row} zmieniła się po imporcie.',
    'referralCsv.unknownId':
      'Wiersz {row}, {column}: żadna widoczna dla Ciebie transakcja nie ma tego Id. Zostaw Id puste, aby utworzyć nową transakcję.',
    'referralCsv.ambiguousExternalId':
      'Wiersz {row}, {column}: więcej niż jedna transakcja ma ten External reference ID. Użyj kolumny Id.',
    'referralCsv.teamNotMember':
      'Wiersz {row}, {column}: każdy członek zespołu musi być osobą Twojej organizacji w cosell; jeden z adresów nią nie jest.',
    'referralCsv.changedSince':
      'Wiersz {row}, {column}: transakcja zmieniła się po wyeksportowaniu tego pliku. Wyeksportuj go ponownie i powtórz zmianę.',
    'referralCsv.repeatedDeal':
      'Wiersz {row}, {column}: wcześniejszy wiersz już zmienia tę transakcję. Zostaw jeden wiersz na transakcję.',
    'referralCsv.nothingImported':
      'Nic nie zostało zaimportowane: popraw wymienione wiersze i zaimportuj plik ponownie.',
    'referralCsv.empty':
      'Plik nie zawiera transakcji. Dodaj do {max} wierszy pod wierszem nagłówka.',
    'referralCsv.tooLong': 'Wiersz {row}, {column}: użyj najwyżej {max} znaków.',
    'referralCsv.visibility': 'Wiersz {row}, {column}: użyj jednej z wartości: {allowed}.',
    'referralCsv.salesStage': 'Wiersz {row}, {column}: użyj jednego z etapów sprzedaży: {allowed}.',
    'referralCsv.dealValue':
      'Wiersz {row}, {column}: „{value}” nie jest kwotą. Wpisz cyfry, np. 150000 lub 150 000,50.',
    'referralCsv.closeDate':
      'Wiersz {row}, {column}: „{value}” nie jest datą. Wpisz ją jako rok-miesiąc-dzień, np. 2027-03-31.',
    'referralCsv.tooMany': 'Wiersz {row}, {column}: podaj najwyżej {max} pozycji.',
    'referralCsv.teamEmail':
      'Wiersz {row}, {column}: „{value}” nie jest adresem e-mail. Oddziel adresy średnikami.',
    'referralCsv.requiredForNew':
      'Wiersz {row}, {column}: nowa transakcja (wiersz bez Id i bez External reference ID) wymaga tej wartości.',
    'referralCsv.malformedQuotes':
      'Wiersz {row}: cudzysłów nie jest zamknięty. Zapisz plik ponownie w arkuszu kalkulacyjnym.',
    'referralCsv.tooManyCells': 'Wiersz {row} ma więcej komórek niż {maximum} kolumn nagłówka.',
    'referralCsv.tooManyRows':
      'Plik zawiera więcej niż {max} transakcji. Podziel go na pliki po najwyżej {max} wierszy.',
    'referralCsv.unknownColumn': 'Kolumna „{value}” jest nieznana. Dostępne kolumny: {columns}.',
    'referralCsv.duplicateColumn': 'Kolumna {column} występuje więcej niż raz.',
    'referralCsv.noHeader':
      'Pierwszy wiersz musi zawierać nazwy kolumn: Id lub External reference ID, aby zaktualizować transakcje, Name i kolumny transakcji, aby je utworzyć. Dostępne kolumny: {columns}.',
  },
  'sv-SE': {
    'referralCsv.undo.notYours':
      'Bara den som importerade filen, eller den som ser alla organisationens affärer, kan ångra den här importen.',
    'referralCsv.undo.done': 'Den här importen har redan ångrats.',
    'referralCsv.undo.expired':
      'En import kan bara ångras inom 24 timmar. Ändra affärerna en och en i stället.',
    'referralCsv.undo.changedSince':
      'Ingenting ångrades: affärerna på raderna {rows} har ändrats efter importen. Ändra dem en och en i stället.',
    'referralCsv.undo.rowChanged': 'Affären på rad {row} har ändrats efter importen.',
    'referralCsv.unknownId':
      'Rad {row}, {column}: ingen affär som du kan se har detta Id. Lämna Id tomt för att skapa en ny affär.',
    'referralCsv.ambiguousExternalId':
      'Rad {row}, {column}: fler än en affär har detta External reference ID. Använd kolumnen Id i stället.',
    'referralCsv.teamNotMember':
      'Rad {row}, {column}: varje teammedlem måste vara en person i din organisation i cosell; en av adresserna är det inte.',
    'referralCsv.changedSince':
      'Rad {row}, {column}: affären ändrades efter att filen exporterades. Exportera den igen och gör om ändringen.',
    'referralCsv.repeatedDeal':
      'Rad {row}, {column}: en tidigare rad ändrar redan den här affären. Behåll en rad per affär.',
    'referralCsv.nothingImported':
      'Ingenting importerades: rätta de rader som listas och importera filen igen.',
    'referralCsv.empty':
      'Filen innehåller inga affärer. Lägg till upp till {max} rader under rubrikraden.',
    'referralCsv.tooLong': 'Rad {row}, {column}: använd högst {max} tecken.',
    'referralCsv.visibility': 'Rad {row}, {column}: använd ett av värdena {allowed}.',
    'referralCsv.salesStage': 'Rad {row}, {column}: använd ett av försäljningsstegen: {allowed}.',
    'referralCsv.dealValue':
      'Rad {row}, {column}: ”{value}” är inte ett belopp. Skriv siffror, till exempel 150000 eller 150 000,50.',
    'referralCsv.closeDate':
      'Rad {row}, {column}: ”{value}” är inte ett datum. Skriv det som år-månad-dag, till exempel 2027-03-31.',
    'referralCsv.tooMany': 'Rad {row}, {column}: ange högst {max} poster.',
    'referralCsv.teamEmail':
      'Rad {row}, {column}: ”{value}” är inte en e-postadress. Skilj adresser åt med semikolon.',
    'referralCsv.requiredForNew':
      'Rad {row}, {column}: en ny affär (en rad utan Id och External reference ID) behöver det här värdet.',
    'referralCsv.malformedQuotes':
      'Rad {row}: ett citattecken är inte stängt. Spara filen igen från kalkylprogrammet.',
    'referralCsv.tooManyCells': 'Rad {row} har fler celler än rubrikradens {maximum} kolumner.',
    'referralCsv.tooManyRows':
      'Filen har fler än {max} affärer. Dela upp den i filer med högst {max} rader.',
    'referralCsv.unknownColumn': 'Kolumnen ”{value}” är okänd. Kolumnerna är: {columns}.',
    'referralCsv.duplicateColumn': 'Kolumnen {column} förekommer mer än en gång.',
    'referralCsv.noHeader':
      'Första raden måste namnge kolumnerna: Id eller External reference ID för att uppdatera affärer, Name och affärens kolumner för att skapa dem. Kolumnerna är: {columns}.',
  },
};
