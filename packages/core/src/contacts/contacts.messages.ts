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
    'Row {row}: “{value}” in “{column}” is not a country/region code. Use two-letter codes such as US, or OOO for all countries/regions.',
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
      '第 {row} 行：“{column}”中的“{value}”不是联系人角色。请使用以下之一：{roles}。',
    'contacts.csv.countryUnknown':
      '第 {row} 行：“{column}”中的“{value}”不是国家/地区代码。请使用两个字母的代码（如 US），或使用 OOO 表示所有国家/地区。',
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
    'contacts.csv.missingColumn': '第一行缺少“{column}”列。文件的列为：{columns}。',
    'contacts.csv.duplicateColumn': '第一行中“{column}”列出现了多次。',
    'contacts.csv.unknownColumn':
      '第一行包含不属于联系人文件的列“{value}”。文件的列为：{columns}。',
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
      '第 {row} 列：「{column}」欄中的「{value}」不是聯絡人角色。請使用下列其中之一：{roles}。',
    'contacts.csv.countryUnknown':
      '第 {row} 列：「{column}」欄中的「{value}」不是國家/地區代碼。請使用兩個字母的代碼（例如 US），或使用 OOO 表示所有國家/地區。',
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
    'contacts.csv.missingColumn': '第一列缺少「{column}」欄。檔案的欄位為：{columns}。',
    'contacts.csv.duplicateColumn': '第一列中「{column}」欄出現了不只一次。',
    'contacts.csv.unknownColumn':
      '第一列包含不屬於聯絡人檔案的欄位「{value}」。檔案的欄位為：{columns}。',
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
      'Rad {row}: ”{value}” i ”{column}” är ingen lands- eller regionkod. Använd koder med två bokstäver, till exempel US, eller OOO för alla länder/regioner.',
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
      'Wiersz {row}: „{value}” w kolumnie „{column}” nie jest kodem kraju/regionu. Użyj kodów dwuliterowych, np. US, albo OOO dla wszystkich krajów/regionów.',
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
  },
};
