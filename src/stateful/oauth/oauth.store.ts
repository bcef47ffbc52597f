/**
 * One organization's OAuth state on the auth service (docs: /advanced/oauth,
 * /api-reference/oauth-connections/*, /api-reference/byoa-configs/*): device-code attempts, the
 * connections they become, and bring-your-own-app provider configurations.
 *
 * No provider stands behind the mock, so an attempt becomes a connection only when the control
 * plane completes it (`POST /__mock/oauth/complete`), standing in for the user who enters the code.
 */
import type { ByoaConfig, ByoaConfigRequest, DeviceCodeFlow, OAuthConnection } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";

/** How long a device-code attempt lasts [I] (the docs show `expiresAt` only). */
export const ATTEMPT_TTL_MS = 15 * 60 * 1000;
/** Seconds between polls the flow asks for [I]. */
export const POLL_INTERVAL_S = 5;
/** Where the user enters the code, per provider (OpenAI's device page for Codex). */
const VERIFICATION_URI = { "openai-codex": "https://auth.openai.com/codex/device" } as const;
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A pending attempt. */
interface Attempt {
  flow: DeviceCodeFlow;
  userId: string;
}

/** A stored BYOA configuration, with its secret (never answered). */
export interface StoredByoaConfig {
  config: ByoaConfig;
  clientSecret: string | null;
}

/** One organization's OAuth state, as a state document keeps it. */
export interface OAuthSnapshot {
  connections: OAuthConnection[];
  configs: StoredByoaConfig[];
}

/** One organization's OAuth connections, device-code attempts and BYOA configurations. */
export class OAuthStore {
  readonly #attempts = new Map<string, Attempt>();
  #connections: OAuthConnection[] = [];
  readonly #configs = new Map<string, StoredByoaConfig>();

  constructor(private readonly deps: { clock: Clock; ids: IdSource }) {}

  /** Starts a device-code flow for the caller. */
  startDeviceFlow(provider: DeviceCodeFlow["provider"], actor: { userId: string }): DeviceCodeFlow {
    const now = this.deps.clock.now().getTime();
    for (const [token, attempt] of this.#attempts) if (Date.parse(attempt.flow.expiresAt) <= now) this.#attempts.delete(token);
    const code = this.deps.ids.token("", 9, CODE_ALPHABET);
    const userCode = `${code.slice(0, 4)}-${code.slice(4)}`;
    const verificationUri = VERIFICATION_URI[provider];
    const flow: DeviceCodeFlow = {
      provider,
      authType: "device_code",
      attemptToken: this.deps.ids.token("att_", 24),
      verificationUri,
      verificationUriComplete: `${verificationUri}?user_code=${userCode}`,
      userCode,
      interval: POLL_INTERVAL_S,
      expiresAt: new Date(now + ATTEMPT_TTL_MS).toISOString(),
    };
    this.#attempts.set(flow.attemptToken, { flow, userId: actor.userId });
    return cloneJson(flow);
  }

  /** Whether a pending, unexpired attempt of that token is here (the control plane looks for its organization). */
  hasAttempt(attemptToken: string): boolean {
    const attempt = this.#attempts.get(attemptToken);
    return attempt !== undefined && Date.parse(attempt.flow.expiresAt) > this.deps.clock.now().getTime();
  }

  /** Completes a pending attempt into a connection of its user; 404 when none is pending. */
  completeDeviceFlow(attemptToken: string, scopes: readonly string[] = []): OAuthConnection {
    if (!this.hasAttempt(attemptToken)) throw new ApiError("not_found", `No pending device-code attempt '${attemptToken}'`);
    const { flow, userId } = this.#attempts.get(attemptToken) as Attempt;
    this.#attempts.delete(attemptToken);
    const connection: OAuthConnection = {
      id: this.deps.ids.uuid(),
      provider: flow.provider,
      displayName: flow.provider,
      status: "active",
      scopes: [...scopes],
      connectedAt: this.deps.clock.now().toISOString(),
      lastUsedAt: null,
      expiresAt: null,
      authType: "device_code",
      userId,
      // The first connection of a user to a provider is its default (`rt.auth.setDefault` changes it).
      isDefault: !this.#connections.some((c) => c.userId === userId && c.provider === flow.provider),
      ownerDisplayName: null,
      ownerEmail: null,
    };
    this.#connections.push(connection);
    return cloneJson(connection);
  }

  /** The caller's connections, or every member's with `all`. */
  connections(actor: { userId: string }, all: boolean): OAuthConnection[] {
    return this.#connections.filter((c) => all || c.userId === actor.userId).map((c) => cloneJson(c));
  }

  /** Creates or replaces a provider's configuration; an empty or absent secret keeps the stored one. */
  upsertConfig(request: ByoaConfigRequest): ByoaConfig {
    const existing = this.#configs.get(request.provider);
    const now = this.deps.clock.now().toISOString();
    const clientSecret = request.client_secret ? request.client_secret : (existing?.clientSecret ?? null);
    const config: ByoaConfig = {
      provider: request.provider,
      clientId: request.client_id,
      scopes: request.scopes ?? null,
      hasClientSecret: clientSecret !== null,
      createdAt: existing?.config.createdAt ?? now,
      updatedAt: now,
    };
    this.#configs.set(request.provider, { config, clientSecret });
    return cloneJson(config);
  }

  exportAll(): OAuthSnapshot {
    return { connections: cloneJson(this.#connections), configs: [...this.#configs.values()].map((c) => cloneJson(c)) };
  }

  importAll(snapshot: OAuthSnapshot): void {
    this.#connections = cloneJson(snapshot.connections);
    this.#configs.clear();
    for (const stored of snapshot.configs) this.#configs.set(stored.config.provider, cloneJson(stored));
  }
}
