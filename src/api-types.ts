/**
 * With src/types.ts (the package's client-side view), the only importer of src/generated/: named aliases for the spec's schemas and operations,
 * so that the rest of the code never spells `components["schemas"][…]` and never hand-copies
 * a shape the spec already defines.
 */
import type { components, operations as generatedOperations, paths as generatedPaths } from "./generated/openapi.ts";

type Schemas = components["schemas"];

/** Every operation of spec/openapi.yaml, keyed by operationId. */
export type operations = generatedOperations;
/** Every path of spec/openapi.yaml. */
export type paths = generatedPaths;

export type Agent = Schemas["Agent"];
export type AgentConfig = Schemas["AgentConfig"];
export type AgentUpsertRequest = Schemas["AgentUpsertRequest"];
export type AgentUpsertResult = Schemas["AgentUpsertResult"];
export type AgentPatchRequest = Schemas["AgentPatchRequest"];
export type ExecutionMode = Agent["executionMode"];

export type Sandbox = Schemas["Sandbox"];
export type SandboxCreateRequest = Schemas["SandboxCreateRequest"];
export type SandboxStatus = Schemas["SandboxStatus"];
export type SandboxTemplate = Sandbox["template"];
export type SandboxTransition = Schemas["SandboxTransition"];
export type ExecRequest = Schemas["ExecRequest"];
export type ExecResult = Schemas["ExecResult"];
export type SandboxUrl = Schemas["SandboxUrl"];

export type ExecuteRequest = Schemas["ExecuteRequest"];
export type ExecuteResult = Schemas["ExecuteResult"];

export type Workspace = Schemas["Workspace"];
export type WorkspaceCreateRequest = Schemas["WorkspaceCreateRequest"];
export type WorkspaceUsage = Schemas["WorkspaceUsage"];
export type StorageSummary = Schemas["StorageSummary"];
export type SandboxMount = Schemas["SandboxMount"];
export type SandboxMountRequest = Schemas["SandboxMountRequest"];
export type AgentResource = Schemas["AgentResource"];

export type RunRequest = Schemas["RunRequest"];
export type RunResult = Schemas["RunResult"];
export type RunSummary = Schemas["RunSummary"];
export type RunStatus = Schemas["RunStatus"];
export type RunUsage = Schemas["RunUsage"];
export type RunStreamEvent = Schemas["RunStreamEvent"];
export type Thread = Schemas["Thread"];
export type ThreadEvent = Schemas["ThreadEvent"];
export type ThreadRollout = Schemas["ThreadRollout"];

export type DeletedResource = Schemas["DeletedResource"];
export type ErrorResponse = Schemas["ErrorResponse"];
export type Meta = Schemas["Meta"];

export type CurrentUser = Schemas["CurrentUser"];
export type Organization = Schemas["Organization"];
export type CreatedOrganization = Schemas["CreatedOrganization"];
export type OrganizationMember = Schemas["OrganizationMember"];

export type ApiKey = Schemas["ApiKey"];
export type ApiKeyScope = Schemas["ApiKeyScope"];
export type NewApiKey = Schemas["NewApiKey"];
export type ApiKeyCreateRequest = Schemas["ApiKeyCreateRequest"];
export type ApiKeyUpdateRequest = Schemas["ApiKeyUpdateRequest"];

export type ActivityEvent = Schemas["ActivityEvent"];
export type ActivityResourceType = Schemas["ActivityResourceType"];
export type ActivitySeverity = Schemas["ActivitySeverity"];

export type Secret = Schemas["Secret"];
export type SecretUpsertRequest = Schemas["SecretUpsertRequest"];
export type RevealedSecret = Schemas["RevealedSecret"];

export type ToolExecuteRequest = Schemas["ToolExecuteRequest"];
export type ToolExecution = Schemas["ToolExecution"];
export type ToolInstallation = Schemas["ToolInstallation"];
export type CustomToolRequest = Schemas["CustomToolRequest"];
export type CustomTool = Schemas["CustomTool"];

export type TerminalSession = Schemas["TerminalSession"];

export type InstallableAgentInstall = Schemas["InstallableAgentInstall"];
export type InstallChatStreamEvent = Schemas["InstallChatStreamEvent"];
