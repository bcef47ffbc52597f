/**
 * The only importer of src/generated/control.ts: named aliases for the control plane's
 * schemas and operations (spec/control.yaml).
 */
import type { components, operations as generatedOperations } from "../generated/control.ts";

type Schemas = components["schemas"];

/** Every operation of spec/control.yaml, keyed by operationId. */
export type controlOperations = generatedOperations;

export type ResetResult = Schemas["ResetResult"];
export type StateDocument = Schemas["StateDocument"];
export type JournalEntry = Schemas["JournalEntry"];
export type ResponseScriptInput = Schemas["ResponseScriptInput"];
export type ResponseScript = Schemas["ResponseScript"];
export type ExecScriptInput = Schemas["ExecScriptInput"];
export type ExecScript = Schemas["ExecScript"];
export type ReplyScriptInput = Schemas["ReplyScriptInput"];
export type ReplyScript = Schemas["ReplyScript"];
export type FaultConfigInput = Schemas["FaultConfigInput"];
export type FaultRuleInput = Schemas["FaultRuleInput"];
export type FaultConfig = Schemas["FaultConfig"];
export type FaultRule = Schemas["FaultRule"];

/** The filters of `GET /__mock/requests`. */
export type RequestQuery = NonNullable<generatedOperations["listRequests"]["parameters"]["query"]>;
export type BillingState = Schemas["BillingState"];

/** One file, directory or symlink of a file tree, as state documents and seeds write it. */
export type FileEntry = Schemas["FileEntry"];
/** The files of one sandbox or workspace in a state document. */
export type FileTreeDocument = Schemas["FileTree"];
export type ToolScriptInput = Schemas["ToolScriptInput"];
export type ToolScript = Schemas["ToolScript"];
