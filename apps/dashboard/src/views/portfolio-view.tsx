import { useState } from 'preact/hooks';
import { adminUrl } from '../api.js';
import { DayProgress } from '../components/day-progress.js';
import { FlagChips } from '../components/flag-chips.js';
import { HealthBadge } from '../components/health-badge.js';
import { Link } from '../components/link.js';
import { ChoiceSelect, type Choice } from '../components/choice-select.js';
import { SortHeader } from '../components/sort-header.js';
import { Status } from '../components/status.js';
import { WhyLine } from '../components/why-line.js';
import { date, flagKinds, label, stages } from '../format.js';
import { navigate } from '../router.js';
import type { PortfolioPage, WaymarkConfigInput } from '@waymark/core';
import { useResource } from '../use-resource.js';

const bands: Choice[] = [
  { value: 'red', label: 'Red' },
  { value: 'yellow', label: 'Yellow' },
  { value: 'green', label: 'Green' },
];
const choicesOf = (keys: readonly string[]): Choice[] => keys.map((k) => ({ value: k, label: label(k) }));

const filterKeys = ['band', 'stage', 'flag', 'owner', 'segment', 'dayMin', 'dayMax'] as const;
// The collector's default order per sort column (docs/api.md): a first click sorts this way.
const defaultOrder: Record<string, 'asc' | 'desc'> = { day: 'desc', health: 'asc', change: 'asc', name: 'asc' };

/** Every account of the app: day N of 90, stage, health and trend, flags and why, owner, next goal; filtered, sorted, paged, exportable. */
export function PortfolioView(props: { appId: string; query: URLSearchParams; config: WaymarkConfigInput | undefined }) {
  const q = props.query;
  const sort = q.get('sort') ?? 'health';
  const order = (q.get('order') as 'asc' | 'desc' | null) ?? defaultOrder[sort] ?? 'asc';
  const page = Number(q.get('page') ?? '1') || 1;
  const filters = Object.fromEntries(filterKeys.map((k) => [k, q.get(k) ?? undefined]));
  const list = useResource<PortfolioPage>(adminUrl(props.appId, 'portfolio', { ...filters, sort, order, page, limit: 25 }));
  // Owners and segments to suggest, from one page of everything (the API has no list of them).
  const all = useResource<PortfolioPage>(adminUrl(props.appId, 'portfolio', { limit: 200, sort: 'name' }));
  const owners = [...new Set((all.data?.accounts ?? []).map((a) => a.owner).filter((o): o is string => !!o))].sort();
  const segments = [...new Set((all.data?.accounts ?? []).map((a) => a.segment).filter((s): s is string => !!s))].sort();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const value = (k: string) => draft[k] ?? q.get(k) ?? '';

  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(q);
    for (const [k, v] of Object.entries(changes))
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    navigate(`/a/${encodeURIComponent(props.appId)}/portfolio${next.size ? `?${next}` : ''}`);
  };
  const onSort = (column: string) => go({ sort: column, order: column === sort ? (order === 'asc' ? 'desc' : 'asc') : defaultOrder[column], page: undefined });
  const apply = (e: Event) => {
    e.preventDefault();
    go({ ...Object.fromEntries(filterKeys.map((k) => [k, value(k)])), page: undefined });
    setDraft({});
  };
  const clear = () => {
    setDraft({});
    go(Object.fromEntries(filterKeys.map((k) => [k, undefined])));
  };
  const csv = adminUrl(props.appId, 'portfolio.csv', { ...filters, sort, order });
  const data = list.data;
  const names = new Map((props.config?.milestones ?? []).map((m) => [m.key, m.name ?? m.key]));

  return (
    <section>
      <div class="heading-row">
        <h1>Portfolio</h1>
        <a class="button" href={csv} download="portfolio.csv">
          Export CSV
        </a>
      </div>
      <form class="filters" onSubmit={apply} aria-label="Filter accounts">
        <ChoiceSelect label="Health band" any value={value('band')} choices={bands} onChange={(band) => setDraft({ ...draft, band })} />
        <ChoiceSelect label="Stage" any value={value('stage')} choices={choicesOf(stages)} onChange={(stage) => setDraft({ ...draft, stage })} />
        <ChoiceSelect label="Flag" any value={value('flag')} choices={choicesOf(flagKinds)} onChange={(flag) => setDraft({ ...draft, flag })} />
        <label>
          Owner
          <input list="owners" value={value('owner')} onInput={(e) => setDraft({ ...draft, owner: e.currentTarget.value })} />
          <datalist id="owners">
            {owners.map((o) => (
              <option value={o} key={o} />
            ))}
          </datalist>
        </label>
        <label>
          Segment
          <input list="segments" value={value('segment')} onInput={(e) => setDraft({ ...draft, segment: e.currentTarget.value })} />
          <datalist id="segments">
            {segments.map((s) => (
              <option value={s} key={s} />
            ))}
          </datalist>
        </label>
        <fieldset class="range">
          <legend>Day</legend>
          <input
            type="number"
            min={0}
            aria-label="From day"
            placeholder="from"
            value={value('dayMin')}
            onInput={(e) => setDraft({ ...draft, dayMin: e.currentTarget.value })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="number"
            min={0}
            aria-label="To day"
            placeholder="to"
            value={value('dayMax')}
            onInput={(e) => setDraft({ ...draft, dayMax: e.currentTarget.value })}
          />
        </fieldset>
        <div class="filter-actions">
          <button type="submit" class="button">
            Apply
          </button>
          <button type="button" class="button-quiet" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
      <Status loading={list.loading && !data} error={list.error} empty={data?.total === 0 && 'No accounts match these filters.'} />
      {data && data.total > 0 && (
        <>
          <div class="table-wrap">
            <table class="table portfolio">
              <caption class="sr-only">
                Accounts, sorted by {sort} ({order === 'asc' ? 'ascending' : 'descending'})
              </caption>
              <thead>
                <tr>
                  <SortHeader label="Account" column="name" sort={sort} order={order} onSort={onSort} />
                  <SortHeader label="Day" column="day" sort={sort} order={order} onSort={onSort} />
                  <th scope="col">Stage</th>
                  <SortHeader label="Health" column="health" sort={sort} order={order} onSort={onSort} />
                  <SortHeader label="7-day change" column="change" sort={sort} order={order} onSort={onSort} class="hide-narrow" />
                  <th scope="col">Flags</th>
                  <th scope="col">Owner</th>
                  <th scope="col" class="hide-narrow">
                    Segment
                  </th>
                  <th scope="col" class="hide-narrow">
                    Next goal due
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.accounts.map((a) => (
                  <tr key={a.accountId}>
                    <th scope="row">
                      <Link to={`/a/${encodeURIComponent(props.appId)}/accounts/${encodeURIComponent(a.accountId)}`}>{a.name || a.accountId}</Link>
                      <WhyLine account={a} />
                    </th>
                    <td>
                      <DayProgress day={a.day} phase={a.phase} />
                    </td>
                    <td>{a.stage ? <span class={`stage stage-${a.stage}`}>{label(a.stage)}</span> : <span class="muted">—</span>}</td>
                    <td>
                      <HealthBadge score={a.health} band={a.band} change7d={a.change7d} />
                    </td>
                    <td class="num hide-narrow">{a.change7d === null ? '—' : a.change7d > 0 ? `+${a.change7d}` : a.change7d}</td>
                    <td>{a.flags.length === 0 ? <span class="muted">—</span> : <FlagChips flags={a.flags} names={names} />}</td>
                    <td class="owner">{a.owner ?? <span class="muted">—</span>}</td>
                    <td class="hide-narrow">{a.segment ?? <span class="muted">—</span>}</td>
                    <td class="hide-narrow">
                      {a.nextGoal ? (
                        <span title={`target day ${a.nextGoal.targetDay}`}>
                          {names.get(a.nextGoal.milestone) ?? a.nextGoal.milestone} · {date(a.nextGoal.due)}
                        </span>
                      ) : (
                        <span class="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav class="pager" aria-label="Pages">
            <button type="button" class="button-quiet" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
              ← Previous
            </button>
            <span>
              Page {data.page} of {Math.max(1, data.pages)} · {data.total} accounts
            </span>
            <button type="button" class="button-quiet" disabled={page >= data.pages} onClick={() => go({ page: String(page + 1) })}>
              Next →
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
