#include "read/sniff.hpp"

#include <algorithm>
#include <array>

#include "model/error.hpp"

namespace planlint::read {
namespace {
using namespace std::literals;

bool starts_with(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

// A zip archive's member names are stored uncompressed in its local headers and central directory, so a
// member is present when its name is (the readers open the archive properly and say what is wrong).
bool has_member(std::string_view zip, std::string_view member) { return zip.find(member) != std::string_view::npos; }

// OpenDocument puts its MIME type first, stored: "mimetype" then the type, at a fixed place.
std::string_view odf_mimetype(std::string_view zip) {
  constexpr std::string_view name = "mimetype";
  if (zip.size() < 30 + name.size() || zip.substr(30, name.size()) != name) return {};
  const std::string_view rest = zip.substr(30 + name.size());
  const std::size_t end = std::min(rest.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.+-/"), rest.size());
  return rest.substr(0, end);
}

ContentKind sniff_zip(std::string_view bytes, const std::string& name) {
  const std::string_view mime = odf_mimetype(bytes);
  if (mime == "application/vnd.oasis.opendocument.text") return ContentKind::odt;
  if (mime == "application/vnd.oasis.opendocument.text-template") {
    throw InputError(name, "OpenDocument text template (.ott): save a document from it as .odt");
  }
  if (mime.starts_with("application/vnd.oasis.opendocument.")) {
    throw InputError(name, std::string("OpenDocument ") + std::string(mime.substr(35)) +
                               " file, not a text document: planlint reads plans written as text (.odt, .docx, PDF, .txt)");
  }
  if (has_member(bytes, "word/document.xml")) return ContentKind::docx;
  if (has_member(bytes, "xl/workbook.xml")) {
    throw InputError(name, "Excel workbook (.xlsx), not a text document: planlint reads plans written as text (.docx, .odt, PDF, .txt)");
  }
  if (has_member(bytes, "ppt/presentation.xml")) {
    throw InputError(name, "PowerPoint presentation (.pptx), not a text document: planlint reads plans written as text (.docx, .odt, PDF, .txt)");
  }
  if (has_member(bytes, "word/")) {
    throw InputError(name, "Word document without word/document.xml (damaged?): open it in Word or LibreOffice and save it again as .docx");
  }
  throw InputError(name, "zip archive, not a document planlint reads: unpack it and name the plans in it (.docx, .odt, PDF, .txt)");
}

struct Magic {
  std::string_view bytes;
  const char* message;
};

// Binary formats that are not plans, or plans in a form planlint does not read, and what to do.
constexpr std::array other_formats{
    Magic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv,
          "Word 97–2003 document (.doc) or a password-protected Office file: save it as .docx (without a password)"},
    Magic{"{\\rtf"sv, "RTF document: save it as .docx or .odt"},
    Magic{"\x89PNG\r\n\x1A\n"sv, "PNG image: not a plan document"},
    Magic{"\xFF\xD8\xFF"sv, "JPEG image: not a plan document"},
    Magic{"GIF87a"sv, "GIF image: not a plan document"},
    Magic{"GIF89a"sv, "GIF image: not a plan document"},
    Magic{"II*\0"sv, "TIFF image: not a plan document (a scan? run OCR and save the text as a PDF with a text layer)"},
    Magic{"MM\0*"sv, "TIFF image: not a plan document (a scan? run OCR and save the text as a PDF with a text layer)"},
    Magic{"%!PS"sv, "PostScript file: convert it to PDF (e.g. ps2pdf) first"},
    Magic{"\x1F\x8B"sv, "gzip-compressed file: decompress it first"},
    Magic{"BZh"sv, "bzip2-compressed file: decompress it first"},
    Magic{"\xFD" "7zXZ"sv, "xz-compressed file: decompress it first"},
    Magic{"7z\xBC\xAF\x27\x1C"sv, "7-Zip archive: unpack it and name the plans in it"},
    Magic{"Rar!\x1A\x07"sv, "RAR archive: unpack it and name the plans in it"},
    Magic{"\x7F" "ELF"sv, "executable program (ELF), not a plan document"},
};

}  // namespace

ContentKind sniff_content(std::string_view bytes, const std::string& name) {
  if (starts_with(bytes, "PK\x03\x04")) return sniff_zip(bytes, name);
  if (starts_with(bytes, "PK\x05\x06")) throw InputError(name, "empty zip archive: not a plan document");
  // A PDF's header must be within its first 1024 bytes (ISO 32000-1, 7.5.2).
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return ContentKind::pdf;
  for (const Magic& m : other_formats) {
    if (starts_with(bytes, m.bytes)) throw InputError(name, m.message);
  }
  return ContentKind::text;
}

const char* to_string(ContentKind kind) {
  switch (kind) {
    case ContentKind::text: return "text";
    case ContentKind::docx: return "docx";
    case ContentKind::odt: return "odt";
    case ContentKind::pdf: return "pdf";
  }
  return "text";
}

}  // namespace planlint::read
