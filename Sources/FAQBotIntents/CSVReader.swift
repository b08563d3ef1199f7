/// Splits CSV text (RFC 4180) into records: fields separated by commas, a field in double
/// quotes may hold commas, line breaks and doubled quotes (`""`). Lines of only whitespace
/// are skipped. Lenient where spreadsheets are: LF or CRLF line ends, and a quote inside an
/// unquoted field is kept as text.
struct CSVReader {
  struct Record: Equatable {
    /// The 1-based line the record starts on.
    var line: Int
    var fields: [String]
  }

  let text: String

  func records() -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var fieldWasQuoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()

    func endRecord() {
      fields.append(field)
      let blank = fields.count == 1 && !fieldWasQuoted && field.allSatisfy(\.isWhitespace)
      if !blank { records.append(Record(line: recordLine, fields: fields)) }
      fields = []
      field = ""
      fieldWasQuoted = false
    }

    while let scalar = pending {
      pending = scalars.next()
      if inQuotes {
        if scalar == "\"" {
          if pending == "\"" {
            field.unicodeScalars.append("\"")
            pending = scalars.next()
          } else {
            inQuotes = false
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.allSatisfy(\.isWhitespace) && !fieldWasQuoted:
        field = ""
        inQuotes = true
        fieldWasQuoted = true
      case ",":
        fields.append(field)
        field = ""
        fieldWasQuoted = false
      case "\r" where pending == "\n":
        break
      case "\n":
        endRecord()
        line += 1
        recordLine = line
      default:
        field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
    return records
  }
}
