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
export type AgentEnv = Schemas["AgentEnv"];
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
export type WorkspaceEntry = Schemas["WorkspaceEntry"];
export type WorkspaceEntryInfo = Schemas["WorkspaceEntryInfo"];
export type WorkspaceDriveInfo = Schemas["WorkspaceDriveInfo"];
export type WorkspaceEntryCreateRequest = Schemas["WorkspaceEntryCreateRequest"];
export type WorkspaceEntryMutateRequest = Schemas["WorkspaceEntryMutateRequest"];
export type WorkspaceEntryBatchRequest = Schemas["WorkspaceEntryBatchRequest"];
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
export type ThreadEventInput = Schemas["ThreadEventInput"];
export type ThreadEventsAppendRequest = Schemas["ThreadEventsAppendRequest"];
export type ThreadEventsAppended = Schemas["ThreadEventsAppended"];

export type Attachment = Schemas["Attachment"];
export type AttachmentKind = Schemas["AttachmentKind"];
export type AttachmentUploadRequest = Schemas["AttachmentUploadRequest"];
export type AttachmentUploadTarget = Schemas["AttachmentUploadTarget"];
export type ResolvedAttachment = Schemas["ResolvedAttachment"];

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

export type DeviceLinkStartRequest = Schemas["DeviceLinkStartRequest"];
export type RunMeshNode = Schemas["RunMeshNode"];
export type RunMeshNodeConfig = Schemas["RunMeshNodeConfig"];
export type RunMeshOverview = Schemas["RunMeshOverview"];

export type WorkflowTrigger = Schemas["WorkflowTrigger"];
export type WorkflowTriggerCreateRequest = Schemas["WorkflowTriggerCreateRequest"];
export type WorkflowTriggerUpdateRequest = Schemas["WorkflowTriggerUpdateRequest"];
export type WorkflowRun = Schemas["WorkflowRun"];

export type OAuthConnection = Schemas["OAuthConnection"];
export type DeviceCodeFlow = Schemas["DeviceCodeFlow"];
export type ByoaConfig = Schemas["ByoaConfig"];
export type ByoaConfigRequest = Schemas["ByoaConfigRequest"];
export type BillingPlan = Schemas["BillingPlan"];
export type CreditBalance = Schemas["CreditBalance"];
export type CreditLedgerEntry = Schemas["CreditLedgerEntry"];
export type UsagePeriod = Schemas["UsagePeriod"];
export type UsageSummary = Schemas["UsageSummary"];
export type TopUpRequest = Schemas["TopUpRequest"];
export type CheckoutSession = Schemas["CheckoutSession"];
export type TopUpVerification = Schemas["TopUpVerification"];
export type ToolExecuteRequest = Schemas["ToolExecuteRequest"];
export type ToolExecution = Schemas["ToolExecution"];
export type ToolInstallation = Schemas["ToolInstallation"];
export type CustomToolRequest = Schemas["CustomToolRequest"];
export type CustomTool = Schemas["CustomTool"];

export type TerminalSession = Schemas["TerminalSession"];

export type InstallableAgentInstall = Schemas["InstallableAgentInstall"];
export type InstallChatStreamEvent = Schemas["InstallChatStreamEvent"];
