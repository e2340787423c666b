/**
 * The words of the published JSON Schemas (scripts/jsonSchemas.ts), by JSON pointer into the
 * generated schema: documentation of the format for people who write or read files, kept out of
 * the app's bundle. A pointer that no longer finds its schema fails the generator.
 */

export const EXPORT_TITLE = 'Familjecentral self-evaluation export, format version 4';

export const EXPORT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "#":
    "One family centre with its rounds, answers, goal reflections, action plans, individual ratings, own statements and the documents of the yearly cycle, as exported by the app. Records reference each other by UUID; every record keeps its updatedAt so that files from several devices can be merged (a newer updatedAt wins). Text is plain text, never HTML. Format 2 added `actions` and `ratings`; format 3 `localItems` (the group's own statements under a common goal; their answers are in `answers` under the item's UUID and are scored apart from the common instrument) and `instrumentDefinitions` (the full text of every instrument version the rounds used that did not ship with the app, so that any device can read the file); format 4 the documents of the yearly cycle (sealed hand-ins with their content hash, local project plans, yearly reports), each action's status history, and whom the file is for (`audience`): a backup carries everything; a file for the coordinator carries roles instead of participants' names and only the spread of the individual ratings per statement. Files of formats 1–3 (export-v1…v3.schema.json) are upgraded on import. Generated from the app's own import schema.",
  "#/properties/instruments":
    "The instrument versions the rounds were answered with.",
  "#/properties/actions":
    "The action plans: what the group will do for a goal, who does it, by when, and how it is going.",
  "#/properties/ratings":
    "Each participant's own rating of an item, given before the group agrees on its answer. At most one per round, item and participant.",
  "#/properties/localItems":
    "The centre's own statements under the common goals (each district makes the goals concrete, as Stockholms stads socialförvaltning, 2016, asks). Asked in every round from their creation; a retired one is no longer asked but kept for the rounds that answered it.",
  "#/properties/instrumentDefinitions":
    "Instrument versions the rounds used that are not built into the app, in full. An instrument is identified by id and version together; a version never changes.",
  "#/properties/audience":
    "Whom the file is for: \"backup\" (everything the group entered) or \"coordinator\" (participants' names removed, individual ratings only as their spread in ratingSpread).",
  "#/properties/ratingSpread":
    "In a coordinator file: the individual ratings as counts per statement and value; empty in a backup.",
  "#/$defs/timestamp":
    "RFC 3339, e.g. 2026-05-15T12:34:56.789Z or 2026-05-15T14:34:56+02:00: a real calendar date in the years 2000–2100 (also once converted to UTC), hours 00–23, no leap second, and the offset Z or ±hh:mm (hh 00–23, mm 00–59; hour-only offsets such as +05 are refused). The app stores and exports every timestamp in UTC with milliseconds.",
  "#/$defs/date":
    "A real calendar date (no 30 February) in the years 2000–2100.",
  "#/$defs/centre/properties/services":
    "Base services taking part: maternity care (BMM/MVC), child health care (BVC), open preschool, preventive social services.",
  "#/$defs/round/properties/period":
    "Free text such as \"VT 2026\" (spring term) or \"HT 2026\" (autumn term).",
  "#/$defs/answer/properties/itemId":
    "An item of the round's instrument, or the UUID of one of the centre's own items (localItems[].id) whose goal is in the round's instrument.",
  "#/$defs/answer/properties/value":
    "A step of the instrument's scale (1–4 in the default instrument), \"dont-know\", \"not-relevant\", or null for no answer.",
  "#/$defs/reflection/properties/notRelevant":
    "The whole goal is not relevant this round: it has no score.",
  "#/$defs/action/properties/centreId":
    "The centre of the file.",
  "#/$defs/action/properties/roundId":
    "The round the action was written in, or carried forward into.",
  "#/$defs/action/properties/goalId":
    "A goal of the round's instrument.",
  "#/$defs/action/properties/what":
    "What will be done. Not blank; spaces around it are trimmed on import.",
  "#/$defs/action/properties/who":
    "Who does it: a service or a role.",
  "#/$defs/action/properties/due":
    "By when, as an ISO date, or an empty string when no date is set.",
  "#/$defs/action/properties/carriedFromId":
    "The action of an earlier round this one continues, when it was carried forward into this round.",
  "#/$defs/action/properties/statusHistory":
    "The action's status over time, oldest first: a later review adds a change instead of overwriting the earlier status.",
  "#/$defs/rating/properties/itemId":
    "An item of the round's instrument, or the UUID of one of the centre's own items.",
  "#/$defs/rating/properties/participantId":
    "A participant of the round (rounds[].participants[].id).",
  "#/$defs/rating/properties/value":
    "The participant's own rating: a step of the instrument's scale (1–4 in the default instrument), \"dont-know\", \"not-relevant\", or null for no rating.",
  "#/$defs/localItem/properties/centreId":
    "The file's centre.",
  "#/$defs/localItem/properties/goalId":
    "A goal of the instrument (goal-1 … goal-5 in the default instrument).",
  "#/$defs/localItem/properties/text":
    "The statement, in the group's own words (one language).",
  "#/$defs/localItem/properties/levels":
    "One descriptor per scale step in scale order, or empty for none.",
  "#/$defs/localItem/properties/retired":
    "No longer asked in new rounds; rounds that answered it keep the answer.",
  "#/$defs/instrument":
    "An instrument file (the same shape as public/schema/instrument-v1.schema.json): goals with their statements, and the rating scale. Ids are lowercase letters, digits and hyphens, unique in the file; keep them stable across versions, since rounds are compared by id.",
  "#/$defs/ratingSpread":
    "How many participants gave each value to one statement in one round (keys: a scale step, \"dont-know\" or \"not-relevant\"). No participant is named or numbered.",
  "#/$defs/handIn":
    "A sealed document as the centre handed it in. It is never changed; `hash` is \"sha256:\" and the SHA-256 hex of the document's canonical JSON (keys sorted, no spaces), and an importer refuses a file whose document no longer matches it.",
  "#/$defs/handIn/properties/document":
    "The document as sealed: a written check-in, project plan or yearly report (its own documentVersion says its shape). Participants appear only as roles with counts.",
  "#/$defs/projectPlan":
    "The local project plan of a year (due 1 April): goals in focus and local sub-goals with target levels. One per centre and year.",
  "#/$defs/yearlyReport":
    "The yearly report (due 31 October): what was achieved per goal, and the plan for next year with a free-text cost description. One per centre and year.",
};

export const INSTRUMENT_TITLE = "Self-evaluation instrument for family centres";

export const INSTRUMENT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "#":
    "An instrument file a network can load in the app (Instrument page). Validated on loading (UTF-8, or UTF-16 with a byte-order mark; no keys beyond these and \"$schema\"): ids unique across the file, goal numbers unique, scale values increasing, item descriptors one per scale step. An instrument is identified by id and version together; publish changes as a new version and keep goal and item ids stable, since rounds answered with different versions are compared by id.",
  "#/properties/goals/items/properties/items/items/properties/levels":
    "One descriptor per scale step, in scale order.",
  "#/properties/path":
    "Optional rules of the path profile (the four steps of Stockholms stads socialförvaltning, 2016). Without it the app's default rules (default-1) apply. Every rule carries its reason.",
};
