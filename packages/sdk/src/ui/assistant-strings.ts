/**
 * The assistant panel's built-in strings, in English (they ship in the assistant chunk); replaced
 * like the UI's with `waymark.ui({ strings })`.
 */
export const assistantStrings = {
  /** The assistant's panel and its tab list (screen readers). */
  assistant: 'Help and news',
  whatsNew: 'What’s new',
  /** The mark on an announcement the user had not seen. */
  new: 'New',
  noNews: 'Nothing new yet.',
  searchGuides: 'Search the guides',
  searchHint: 'How do I…?',
  /** Read to screen readers as the user types. */
  results: 'Guides found: {n}',
  noGuides: 'No guide matches “{query}”.',
};
