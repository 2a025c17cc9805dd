#pragma once
// Where a place of a plan lies in a document that is not text (.docx, .odt, PDF), in the terms its user
// knows: "table 1, row 9, column 2", "paragraph 14", "page 5, table 1, row 3". A Word user cannot go to
// "line 43" of a file they never see as text.
//
// The readers of such documents render them into plan text (the draft form, so that the PEGTL grammars stay
// the one definition of headings, claims and tables) and record, for each piece of that text, where it came
// from. The model's ranges point into the rendered text; a DocumentMap turns them back into locators.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planlint {

// Every field is 1-based; 0 means "does not apply" (no table outside tables, no page in .docx/.odt).
struct Locator {
  std::uint32_t page = 0;       // PDF page
  std::uint32_t paragraph = 0;  // body paragraph (headings and list items count), outside tables
  std::uint32_t table = 0;      // the document's tables, in order
  std::uint32_t row = 0;        // row of `table`, the header row counting
  std::uint32_t column = 0;     // grid column of `table` (a merged cell: its first column)
  friend bool operator==(const Locator&, const Locator&) = default;
};

// "table 1, row 9, column 2", "page 5, paragraph 3"; "document" when every field is 0. In Finnish
// (`language` "fi"): "taulukko 1, rivi 9, sarake 2", "sivu 5, kappale 3", "asiakirja".
std::string describe(const Locator& where, std::string_view language = "en");

// A piece of rendered text [offset, next piece's offset) and where it came from.
struct MappedPiece {
  std::uint32_t offset = 0;  // byte offset into the rendered text
  Locator where;
};

class DocumentMap {
 public:
  explicit DocumentMap(std::string kind = {}) : kind_(std::move(kind)) {}
  // Pieces must be added in increasing offset order.
  void add(std::uint32_t offset, const Locator& where);
  // Where the rendered text's byte `offset` came from; nullopt before the first piece.
  std::optional<Locator> at(std::uint32_t offset) const;
  const std::string& kind() const { return kind_; }  // "docx", "odt", "pdf"
  const std::vector<MappedPiece>& pieces() const { return pieces_; }

 private:
  std::string kind_;
  std::vector<MappedPiece> pieces_;
};

}  // namespace planlint
