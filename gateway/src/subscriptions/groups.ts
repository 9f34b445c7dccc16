import type { FormattedExecutionResult } from "graphql";
import type { GatewayContext } from "../context.js";
import type { Complete } from "./completions.js";
import type { SubscriptionPlan } from "./documents.js";
import { endResult, SubscriptionEndCode } from "./event-stream.js";
import { shareKey } from "./identity-class.js";
import type { UpstreamConnections } from "./upstream.js";

/** One subscriber of a group: where its completed events go. */
export interface GroupMember {
  push(result: Promise<FormattedExecutionResult | null>): void;
  end(final?: FormattedExecutionResult): void;
}

export interface GroupDeps {
  upstream: UpstreamConnections;
  subgraphUrl: (name: string) => string;
  upstreamHeaders: (context: GatewayContext) => Record<string, string> | Promise<Record<string, string>>;
  complete: Complete;
}

/** How often a refused (expired) forwarded identity is signed anew before the group ends. */
const MAX_RENEWALS = 3;

interface Group {
  key: string;
  plan: SubscriptionPlan;
  /** The context the group's upstream subscription and completions run with: its first subscriber's (same class as all). */
  context: GatewayContext;
  /** Whether `key` is a real share key (else the group has one member and completes alone). */
  shared: boolean;
  members: Set<GroupMember>;
  release: () => void;
  closed: boolean;
  renewals: number;
}

/**
 * Subscribers grouped by `shareKey` (same filter, same identity class): each group holds ONE upstream
 * subscription and completes each event ONCE, fanning the same result out to every member. With a
 * thousand subscribers of a handful of classes an event costs a handful of twin queries instead of a
 * thousand, and the owning subgraph serves a handful of subscriptions (docs/subscriptions.md, "Sharing").
 * The group opens with its first member and releases upstream when its last member leaves.
 */
export class SubscriptionGroups {
  private readonly groups = new Map<string, Group>();
  private alone = 0;

  constructor(private readonly deps: GroupDeps) {}

  /** Groups open now (one upstream subscription each). */
  get size(): number {
    return this.groups.size;
  }

  /** Adds a subscriber; the returned function removes it (idempotent). */
  async join(plan: SubscriptionPlan, context: GatewayContext, member: GroupMember): Promise<() => void> {
    const key = shareKey(plan, context);
    let group = key === undefined ? undefined : this.groups.get(key);
    if (!group) {
      group = {
        key: key ?? `\u0001alone:${++this.alone}`,
        plan,
        context,
        shared: key !== undefined,
        members: new Set(),
        release: () => undefined,
        closed: false,
        renewals: 0,
      };
      this.groups.set(group.key, group);
      group.members.add(member);
      try {
        await this.open(group);
      } catch (e) {
        this.close(group, endResult(SubscriptionEndCode.UPSTREAM_ERROR, String(e)));
      }
    } else group.members.add(member);
    const g = group;
    return () => {
      if (!g.members.delete(member) || g.members.size > 0 || g.closed) return;
      g.closed = true;
      this.groups.delete(g.key);
      g.release();
    };
  }

  private async open(group: Group): Promise<void> {
    const { plan } = group;
    const route = plan.route;
    const headers = await this.deps.upstreamHeaders(group.context);
    if (group.closed) return;
    group.release = this.deps.upstream.subscribe(
      this.deps.subgraphUrl(route.subgraph),
      { query: plan.upstream.query, variables: plan.upstream.variables, extensions: { headers } },
      {
        next: (r) => {
          const event = r.data?.[route.field] as Record<string, unknown> | null | undefined;
          const id = event?.[route.idField ?? "id"];
          if (typeof id === "string" || typeof id === "number") {
            // completed once for the whole group; every member receives the same result
            const result = this.deps.complete(plan, String(id), group.context, group.shared ? group.key : undefined);
            for (const m of group.members) m.push(result);
          } else if (r.errors?.length) {
            const result = Promise.resolve({ errors: r.errors } as FormattedExecutionResult);
            for (const m of group.members) m.push(result);
          }
        },
        error: (kind, errors, detail) => {
          if (kind === "graphql" && errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED") && group.renewals++ < MAX_RENEWALS) {
            // The forwarded identity is short-lived: after a reconnect the client re-sent an expired one. Sign anew.
            this.open(group).catch((e: unknown) => this.close(group, endResult(SubscriptionEndCode.UPSTREAM_ERROR, String(e))));
            return;
          }
          if (kind === "graphql") {
            this.close(group, {
              errors: (errors ?? []).map((e) => ({ ...e, extensions: { code: SubscriptionEndCode.UPSTREAM_ERROR, ...e.extensions } })),
            });
          } else {
            this.close(
              group,
              endResult(
                SubscriptionEndCode.UPSTREAM_UNAVAILABLE,
                `订阅来源服务（${route.subgraph}）不可用，重试后仍无法连接，订阅已结束，请重新订阅 / the ${route.subgraph} service is unavailable after retries (${detail}); subscription ended, subscribe again`,
              ),
            );
          }
        },
        complete: () => this.close(group),
      },
    );
  }

  /** The upstream ended: every member's stream ends (with `final`), and the next subscriber opens a new group. */
  private close(group: Group, final?: FormattedExecutionResult): void {
    if (group.closed) return;
    group.closed = true;
    if (this.groups.get(group.key) === group) this.groups.delete(group.key);
    group.release();
    for (const m of [...group.members]) m.end(final);
    group.members.clear();
  }
}
