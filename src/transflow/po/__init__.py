"""gettext catalogs: reading and writing byte-identical to ``msgcat --no-wrap``, msgmerge semantics, headers."""
