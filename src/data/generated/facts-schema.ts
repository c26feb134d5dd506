// Generated from data/facts.schema.json by `npm run facts:build`; do not edit. The schema as a constant, for the types in src/data/types.ts.
export const factsSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "chongqing-facts facts file",
  "description": "A dataset of facts drawn from one article, each with the article's sentence it came from. The format read by chongqing-facts (--data, CHONGQING_FACTS_DATA) and checked by `chongqing-facts verify`. Either an object with `facts` (and, optionally, `meta` and `themes`) or a bare array of facts. What is left out is filled in on loading: the title is the file's name, the themes are the facts' own theme ids. `verify` needs `meta.article` and lists what else a complete file has: title, publisher, themes, each fact's section.",
  "if": {
    "type": "array"
  },
  "then": {
    "$ref": "#/$defs/facts"
  },
  "else": {
    "$ref": "#/$defs/file"
  },
  "$defs": {
    "file": {
      "type": "object",
      "required": [
        "facts"
      ],
      "additionalProperties": false,
      "properties": {
        "meta": {
          "$ref": "#/$defs/meta"
        },
        "themes": {
          "type": "array",
          "description": "Left out, the themes are the facts' own theme ids, each named by its id.",
          "items": {
            "$ref": "#/$defs/theme"
          }
        },
        "facts": {
          "$ref": "#/$defs/facts"
        }
      }
    },
    "facts": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/fact"
      }
    },
    "meta": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "title": {
          "$ref": "#/$defs/text",
          "description": "The article's title; left out, the file's name."
        },
        "publisher": {
          "$ref": "#/$defs/text"
        },
        "article": {
          "$ref": "#/$defs/text",
          "description": "File name of the article text, relative to the facts file. `verify` and `show --context` need it."
        },
        "credit": {
          "type": "string",
          "description": "Who owns the article text."
        },
        "language": {
          "type": "string"
        }
      }
    },
    "theme": {
      "type": "object",
      "required": [
        "id",
        "name"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "$ref": "#/$defs/slug"
        },
        "name": {
          "$ref": "#/$defs/text"
        },
        "zone": {
          "type": [
            "string",
            "null"
          ],
          "description": "The zone (or highland) of the \"Six Zones and One Highland\" the theme stands for; null (or left out) for none."
        },
        "zh": {
          "$ref": "#/$defs/words"
        }
      }
    },
    "fact": {
      "type": "object",
      "required": [
        "id",
        "theme",
        "statement",
        "source"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "$ref": "#/$defs/slug",
          "description": "Stable id; never changes once released."
        },
        "theme": {
          "$ref": "#/$defs/slug",
          "description": "One of the themes' ids."
        },
        "statement": {
          "$ref": "#/$defs/text",
          "description": "The fact as one self-contained sentence."
        },
        "source": {
          "$ref": "#/$defs/text",
          "description": "The article's sentence, verbatim."
        },
        "section": {
          "$ref": "#/$defs/text",
          "description": "The article heading the sentence sits under."
        },
        "figures": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/figure"
          }
        },
        "rank": {
          "$ref": "#/$defs/rank"
        },
        "year": {
          "type": "integer"
        },
        "date": {
          "$ref": "#/$defs/text",
          "description": "A date without a year, as written in the source."
        },
        "tags": {
          "$ref": "#/$defs/words",
          "description": "Search words the statement lacks: synonyms, abbreviations, plurals."
        },
        "zh": {
          "$ref": "#/$defs/words",
          "description": "Chinese names and topic words."
        }
      }
    },
    "figure": {
      "type": "object",
      "required": [
        "value",
        "unit",
        "text"
      ],
      "additionalProperties": false,
      "properties": {
        "value": {
          "type": "number",
          "description": "A plain number: 3.37 trillion is 3370000000000, 38.6% is 38.6."
        },
        "unit": {
          "$ref": "#/$defs/text"
        },
        "text": {
          "$ref": "#/$defs/text",
          "description": "The number as written in the source."
        },
        "qualifier": {
          "$ref": "#/$defs/text",
          "description": "The source's own hedge words (\"exceeded\", \"about\"), joined by \", \" when several."
        }
      }
    },
    "rank": {
      "type": "object",
      "required": [
        "scope",
        "text"
      ],
      "additionalProperties": false,
      "properties": {
        "position": {
          "type": "integer",
          "minimum": 1,
          "description": "Left out when the article ranks without a position (\"among the top in western China\")."
        },
        "scope": {
          "$ref": "#/$defs/text",
          "description": "Where the ranking holds: \"western China\", \"China\", \"world\"."
        },
        "text": {
          "$ref": "#/$defs/text",
          "description": "The ranking as written in the source."
        }
      }
    },
    "slug": {
      "type": "string",
      "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
      "description": "Kebab-case: lower-case letters a-z, digits and single hyphens."
    },
    "text": {
      "type": "string",
      "pattern": "\\S",
      "description": "A string with something in it besides white space."
    },
    "words": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/text"
      }
    }
  }
} as const;
