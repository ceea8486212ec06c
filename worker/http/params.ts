// Request pieces shared by several routes: ids in paths, event codes, phones' clientIds, the proposal body.
import * as v from "valibot";
import { cleanText } from "../domain/answers";
import { CLIENT_ID_PATTERN } from "../domain/event";
import { ADDRESSEE_CHOICES, AUTHOR_MAX, PROPOSAL_MAX } from "../domain/proposal";
import { RESPONDENT_ROLES } from "../domain/terms";
import type { ProposalInput } from "../services/proposals";
import { intId, jsonObject, text } from "./validate";

export const idParam = v.object({ id: intId });

/** An event code as typed (normalised by the service); longer than any code is not worth reading. */
export const codeParam = v.object({ code: v.pipe(v.string(), v.maxLength(32)) });

export const clientId = v.pipe(v.string("field.type_string"), v.regex(CLIENT_ID_PATTERN, "field.invalid"));

export const respondentRole = v.picklist(RESPONDENT_ROLES, "field.invalid");

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
