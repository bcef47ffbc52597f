/**
 * The caller and organizations (tag `organizations`): thin handlers over OrganizationStore and
 * the cross-organization rules of stateful/organizations/organizations.ts. Statuses and shapes:
 * spec/paths/organizations.yaml.
 */
import { createOrganization as createOrg, readableMembers, readableOrganization } from "../stateful/organizations/organizations.ts";
import type { Handler } from "./types.ts";

export const getCurrentUser: Handler<"getCurrentUser"> = (_input, ctx) => ({
  status: 200,
  body: { data: ctx.org().organization.currentUser(ctx.caller().userId), meta: ctx.meta },
});

export const getCurrentOrganization: Handler<"getCurrentOrganization"> = (_input, ctx) => ({
  status: 200,
  body: { data: ctx.org().organization.organization(), meta: ctx.meta },
});

export const createOrganization: Handler<"createOrganization"> = ({ body }, ctx) => {
  // The caller's own organization exists (and knows the caller) before it creates another.
  ctx.org();
  return { status: 201, body: { data: createOrg(ctx.orgs, body.name, ctx.caller().userId), meta: ctx.meta } };
};

export const getOrganization: Handler<"getOrganization"> = ({ path }, ctx) => {
  ctx.org();
  return { status: 200, body: { data: readableOrganization(ctx.orgs, path.id, ctx.caller().userId), meta: ctx.meta } };
};

export const listOrganizationMembers: Handler<"listOrganizationMembers"> = ({ path }, ctx) => {
  ctx.org();
  return { status: 200, body: { data: readableMembers(ctx.orgs, path.id, ctx.caller().userId), meta: ctx.meta } };
};
