// Request pieces shared by several routes: ids in paths, event codes, phones' clientIds, the proposal body.
import * as v from "valibot";
import { cleanText } from "../domain/answers";
import { CLIENT_ID_PATTERN } from "../domain/event";
import { ADDRESSEE_CHOICES, AUTHOR_MAX, PROPOSAL_MAX } from "../domain/proposal";
import { QUESTION_TYPES, RESPONDENT_ROLES } from "../domain/terms";
import type { ProposalInput } from "../services/proposals";
import { intId, jsonObject, requiredText, text } from "./validate";

export const idParam = v.object({ id: intId });

/** An import's `?dryRun=1`: check and say what it would do, store nothing. */
export const dryRunQuery = v.strictObject(
  {
    dryRun: v.optional(
      v.pipe(
        v.picklist(["1", "0"], "field.invalid"),
        v.transform((x) => x === "1"),
      ),
    ),
  },
  "field.type_object",
);

/** An event code as typed (normalised by the service); longer than any code is not worth reading. */
export const codeParam = v.object({ code: v.pipe(v.string(), v.maxLength(32)) });

export const clientId = v.pipe(v.string("field.type_string"), v.regex(CLIENT_ID_PATTERN, "field.invalid"));

export const respondentRole = v.picklist(RESPONDENT_ROLES, "field.invalid");

/** A response's answers by question id, as a phone or the paper entry screen sends them. */
export const answersBody = v.pipe(
  v.record(v.string(), v.unknown(), "field.type_object"),
  v.check((o) => Object.keys(o).length <= 100, "field.too_many"),
);

export const proposalBody = jsonObject({
  clientId,
  text: v.pipe(
    v.string("field.type_string"),
    v.transform(cleanText),
    v.minLength(1, "field.required"),
    v.maxLength(PROPOSAL_MAX, "field.too_long"),
  ),
  addressee: v.optional(v.nullable(v.picklist(ADDRESSEE_CHOICES, "field.invalid")), null),
  authorName: v.optional(v.nullable(text(AUTHOR_MAX)), null),
  authorUnit: v.optional(v.nullable(text(AUTHOR_MAX)), null),
});

/** Empty author fields mean anonymous; "unsure" means the delegate left the addressee open. */
export function proposalInput(b: v.InferOutput<typeof proposalBody>): ProposalInput {
  return {
    clientId: b.clientId,
    text: b.text,
    addressee: b.addressee === "unsure" ? null : b.addressee,
    authorName: b.authorName || null,
    authorUnit: b.authorUnit || null,
  };
}

const optionSchema = v.strictObject(
  {
    value: v.pipe(v.string("field.type_string"), v.regex(/^[a-z0-9_]{1,40}$/, "field.invalid")),
    labelVi: requiredText(200),
    labelEn: text(200),
  },
  "field.type_object",
);

const choiceCount = v.pipe(v.number("field.type_integer"), v.integer("field.type_integer"));

const questionSchema = v.strictObject(
  {
    type: v.picklist(QUESTION_TYPES, "field.invalid"),
    criterion: v.nullable(
      v.pipe(v.string("field.type_string"), v.regex(/^[a-z0-9_]{1,40}$/, "field.invalid")),
    ),
    labelVi: requiredText(300),
    labelEn: text(300),
    required: v.boolean("field.invalid"),
    options: v.nullable(v.pipe(v.array(optionSchema, "field.type_array"), v.maxLength(20, "field.too_many"))),
    maxLength: v.nullable(
      v.pipe(
        v.number("field.type_integer"),
        v.integer("field.type_integer"),
        v.minValue(1, "field.invalid"),
        v.maxValue(5000, "field.invalid"),
      ),
    ),
    // A multi question's bounds; the service checks them against its options.
    minChoices: v.optional(v.nullable(choiceCount), null),
    maxChoices: v.optional(v.nullable(choiceCount), null),
  },
  "field.type_object",
);

/** The fields of a form as the editor sends it (a class's own, or a template). */
export const formEntries = {
  title: requiredText(200),
  questions: v.pipe(
    v.array(questionSchema, "field.type_array"),
    v.minLength(1, "field.required"),
    v.maxLength(50, "field.too_many"),
  ),
};

export const formSchema = jsonObject(formEntries);
