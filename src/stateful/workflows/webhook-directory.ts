/**
 * Which organization owns which workflow webhook. The public webhook invoke carries no API key
 * (docs: /advanced/webhooks, `X-Webhook-Secret`), so its slug alone must lead to the organization.
 * Each organization's WorkflowStore has the last word (a deleted trigger, a reset organization):
 * a stale entry here finds no trigger and answers 404.
 */
export class WebhookDirectory {
  readonly #orgBySlug = new Map<string, string>();

  /** Notes that `orgId` owns the webhook `slug`. */
  registered(slug: string, orgId: string): void {
    this.#orgBySlug.set(slug, orgId);
  }

  orgOf(slug: string): string | undefined {
    return this.#orgBySlug.get(slug);
  }
}
