import CSV

/// The records of CSV text (RFC 4180), read by CSV.swift, each with the line it starts on so
/// that the importer's errors can name it: fields separated by commas, a field in double
/// quotes may hold commas, line breaks and doubled quotes (`""`), LF or CRLF line ends, and a
/// quote inside an unquoted field is kept as text (lenient where spreadsheets are). Blank
/// lines are skipped. Fields are trimmed of spaces and tabs, which the importer does anyway.
struct CSVRecords {
  struct Record: Equatable {
    /// The 1-based line the record starts on.
    var line: Int
    var fields: [String]
  }

  let text: String

  func records() -> [Record] {
    // Reading a String cannot fail (CSV.swift throws only for streams and header rows).
    guard let reader = try? CSVReader(string: text, hasHeaderRow: false, trimFields: true) else { return [] }
    var records: [Record] = []
    var line = 1
    while let fields = reader.next() {
      let blank = fields.count == 1 && fields[0].isEmpty
      if !blank { records.append(Record(line: line, fields: fields)) }
      // CSV.swift gives no positions: a record spans one line plus the line breaks quoted in it.
      line += 1 + fields.reduce(0) { count, field in count + field.utf8.count(where: { $0 == 0x0A }) }
    }
    return records
  }
}
