"""The project glossary (approved English for names and terms) and discovery of new terms."""
