import { adminUrl } from '../api.js';
import { ActivityChart } from '../account/activity-chart.js';
import { FlagHistory } from '../account/flag-history.js';
import { GateOverridesPanel } from '../account/gate-overrides.js';
import { HealthPanel } from '../account/health-panel.js';
import { MilestoneTimeline } from '../account/milestone-timeline.js';
import { MinutesChart } from '../account/minutes-chart.js';
import { SuccessPlan } from '../account/success-plan.js';
import { UsageChart } from '../account/usage-chart.js';
import { UsersTable } from '../account/users-table.js';
import { DayProgress } from '../components/day-progress.js';
import { HealthBadge } from '../components/health-badge.js';
import { Link } from '../components/link.js';
import { Status } from '../components/status.js';
import { date, label, num, pct } from '../format.js';
import type { AccountDetail, CsmSession, WaymarkConfigInput } from '@waymark/core';
import { useResource } from '../use-resource.js';
import { Panel } from '../components/panel.js';

/** One account: timeline, activity, health, flags, success plan, users and gate overrides. */
export function AccountView(props: { appId: string; accountId: string; config: WaymarkConfigInput | undefined; me: CsmSession }) {
  const detail = useResource<AccountDetail>(adminUrl(props.appId, `accounts/${encodeURIComponent(props.accountId)}`));
  const d = detail.data;
  const back = `/a/${encodeURIComponent(props.appId)}/portfolio`;
  if (!d)
    return (
      <section>
        <Link to={back}>← Portfolio</Link>
        <Status loading={detail.loading} error={detail.error} />
      </section>
    );
  const a = d.account;
  const m = d.metrics;
  const time = m.timeInProduct;
  const names = new Map(d.milestones.map((ms) => [ms.key, ms.name]));
  const seatsIn = (active: number | undefined, share: number | null | undefined) =>
    active === undefined ? '—' : `${active}${a.seats ? ` of ${a.seats}` : ''}${share === null || share === undefined ? '' : ` (${pct(share)})`}`;
  return (
    <article class="account">
      <Link to={back} class="back">
        ← Portfolio
      </Link>
      <header class="account-head">
        <div>
          <h1>{a.name || a.accountId}</h1>
          <p class="muted">
            {a.accountId} · started {date(a.startAt)} · owner {a.owner ?? '—'} · segment {a.segment ?? '—'} · {a.seats ?? '?'} seats
          </p>
          <p class="account-stage">
            Stage <span class={`stage stage-${a.stage ?? 'none'}`}>{label(a.stage)}</span>
            {d.health.reason && d.health.band !== 'green' && <span class="why"> · {d.health.reason}</span>}
          </p>
        </div>
        <div class="account-kpis">
          <DayProgress day={a.day} phase={a.phase} />
          <HealthBadge score={d.health.score} band={d.health.band} change7d={d.health.change7d} />
        </div>
      </header>

      <dl class="kpis">
        <div>
          <dt>Seats active, 7 days</dt>
          <dd>{seatsIn(m.seatsActive7, m.seatShare7)}</dd>
        </div>
        <div>
          <dt>Seats active, 28 days</dt>
          <dd>{seatsIn(m.seatsActive28, m.seatShare28)}</dd>
        </div>
        <div>
          <dt>Seat activation (ever)</dt>
          <dd>{pct(m.seatActivation)}</dd>
        </div>
        <div>
          <dt>Use vs usual level</dt>
          <dd>{pct(m.usageVsBaseline)}</dd>
        </div>
        <div>
          <dt>Time in product</dt>
          <dd>
            {time ? `${num(time.minutesPerDay)} min/day` : '—'}
            {time && (
              <span class="kpi-sub">{time.minutesPerUserDay === null ? 'nobody active' : `${num(time.minutesPerUserDay)} min per active user-day`}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>DAU / WAU / MAU</dt>
          <dd>
            {num(m.dau)} / {num(m.wau)} / {num(m.mau)}
          </dd>
        </div>
        <div>
          <dt>Stickiness</dt>
          <dd>{pct(m.stickiness)}</dd>
        </div>
        <div>
          <dt>Breadth</dt>
          <dd>{pct(m.breadth)}</dd>
        </div>
        <div>
          <dt>Next goal</dt>
          <dd>{d.nextGoal ? `${names.get(d.nextGoal.milestone) ?? d.nextGoal.milestone} · ${date(d.nextGoal.due)}` : '—'}</dd>
        </div>
      </dl>

      <Panel id="timeline" title="Milestones in the first 90 days">
        {d.milestones.length ? <MilestoneTimeline milestones={d.milestones} day={a.day} /> : <p class="notice">The config has no milestones.</p>}
      </Panel>

      <Panel id="activity" title="Activity">
        {d.series && d.series.activeUsers.length > 0 ? (
          <>
            <ActivityChart series={d.series} />
            <div class="grid-2 charts-row">
              <div>
                <UsageChart series={d.series} />
              </div>
              <div>
                <MinutesChart series={d.series} />
              </div>
            </div>
          </>
        ) : (
          <p class="notice">No activity yet.</p>
        )}
      </Panel>

      <Panel id="health" title="Health">
        <HealthPanel health={d.health} history={d.history} />
      </Panel>

      <Panel id="flags" title="Flags">
        <FlagHistory open={d.flags} cleared={d.clearedFlags} names={names} />
      </Panel>

      <Panel id="plan" title="Success plan">
        <SuccessPlan appId={props.appId} accountId={props.accountId} config={props.config} />
      </Panel>

      <Panel id="users" title="Users">
        <UsersTable appId={props.appId} accountId={props.accountId} />
      </Panel>

      <Panel id="gates" title="Gate overrides">
        <p class="muted small">Unlock or lock a feature for everyone in this account; changes are logged under your email ({props.me.user.email}).</p>
        <GateOverridesPanel appId={props.appId} accountId={props.accountId} config={props.config} />
      </Panel>
    </article>
  );
}
