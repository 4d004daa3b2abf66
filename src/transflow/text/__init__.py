"""Chinese source text without gettext: language rules as data, sentence splitting, paragraph roles,
articles read from disk, jieba words and names."""
