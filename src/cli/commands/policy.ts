import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../../config.js';
import { applyPlan, getPlan } from '../../modules/assignment/assignment.service.js';
import { VIOLATION_KINDS, type ViolationKind } from '../../modules/compliance/compliance.repository.js';
import { complianceSummary, kindLabels } from '../../modules/compliance/compliance.service.js';
import { businessDay } from '../../modules/grading/instant.service.js';
import { findUserActor } from '../../modules/imports/cli-actor.js';
import { listPolicyViews } from '../../modules/policies/policy.service.js';
import { positiveIntegerOption } from '../options.js';
import { withRuntime } from './with-runtime.js';

function kindOption(text: string): ViolationKind {
  if (!(VIOLATION_KINDS as readonly string[]).includes(text))
    throw new InvalidArgumentError(`must be one of ${VIOLATION_KINDS.join(', ')}`);
  return text as ViolationKind;
}

const asOption = [
  '--as <login>',
  'act as this user, within their data scope (default: the first admin)',
] as const;

export function registerPolicyCommands(program: Command, config: () => Config): void {
  program
    .command('policy')
    .description('service policies per grade / 分级服务政策')
    .command('list')
    .description('list the service policies, active first by priority')
    .option(...asOption)
    .action((options: { as?: string }) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        console.table(
          (await listPolicyViews(database.db, actor)).map((p) => ({
            id: p.id,
            name: p.name['zh-CN'],
            model: p.modelName['zh-CN'],
            priority: p.priority,
            active: p.active,
            version: p.currentVersion,
          })),
        );
      }),
    );

  program
    .command('compliance')
    .description('customers breaking their grade policy: counts per kind and team / 政策合规检查')
    .option('--kind <kind>', `only this kind: ${VIOLATION_KINDS.join(' | ')}`, kindOption)
    .option('--team <id>', 'one team', positiveIntegerOption)
    .option(...asOption)
    .action((options: { kind?: ViolationKind; team?: number; as?: string }) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const kinds = options.kind ? [options.kind] : VIOLATION_KINDS;
        const summary = await complianceSummary(database.db, actor, businessDay(new Date()), {
          teamId: options.team,
        });
        console.log(
          `Compliance as of ${summary.asOf}: ${summary.violating} of ${summary.checked} customers with a policy break it`,
        );
        const row = (name: string | null, counts: Record<ViolationKind, number>) => ({
          team: name ?? '—',
          ...Object.fromEntries(kinds.map((kind) => [kindLabels[kind]['en-US'], counts[kind]])),
        });
        console.table([...summary.byTeam.map((g) => row(g.teamName, g.kinds)), row('total', summary.kinds)]);
      }),
    );

  program
    .command('assign')
    .description('assignment suggestions and headcount plan / 客户经理分配建议')
    .command('plan')
    .description('propose owner changes that remove assignment violations; --apply makes them, audited')
    .option('--team <id>', 'one team (default: every team)', positiveIntegerOption)
    .option('--apply', 'apply every proposed move in one transaction')
    .option(...asOption)
    .action((options: { team?: number; apply?: boolean; as?: string }) =>
      withRuntime(config, async ({ database }) => {
        const actor = await findUserActor(database.db, options.as);
        const plan = await getPlan(database.db, actor, { teamId: options.team });
        console.log(
          `${plan.moves.length} moves proposed, ${plan.unfixable.length} customers cannot be fixed`,
        );
        console.table(
          plan.moves.map((m) => ({
            customer: `${m.code} ${m.name}`,
            grade: m.gradeCode,
            from: m.fromOwnerName ?? '—',
            to: m.toOwnerName,
            fixes: m.fixes.join(', '),
          })),
        );
        if (plan.unfixable.length > 0)
          console.table(
            plan.unfixable.map((u) => ({
              customer: `${u.code} ${u.name}`,
              owner: u.ownerName ?? '—',
              violations: u.violations.join(', '),
              reason: u.reason,
            })),
          );
        console.log('Headcount per level (needed = Σ customers/N, rounded up):');
        console.table(
          plan.headcount.map((l) => ({
            level: l.level,
            arithmetic: l.formula,
            needed: l.needed,
            existing: l.existing,
            gap: l.gap,
          })),
        );
        if (options.apply && plan.moves.length > 0) {
          const moves = plan.moves.map((m) => ({ customerId: m.customerId, toOwnerId: m.toOwnerId }));
          const result = await database.db
            .transaction()
            .execute((trx) => applyPlan(trx, actor, { teamId: options.team, moves }));
          console.log(`Applied ${result.applied} moves.`);
        }
      }),
    );
}
