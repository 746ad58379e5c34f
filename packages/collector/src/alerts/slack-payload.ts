import type { Digest } from './build-digest.js';
import type { WebhookEvent } from './webhook-event.js';

/** A Slack incoming-webhook message: `text` is the notification fallback, `blocks` what is shown. */
export interface SlackPayload {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

// Slack's mrkdwn treats these three as control characters.
const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: text.length > 2900 ? `${text.slice(0, 2899)}…` : text } });
const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

function flagText(event: WebhookEvent): string {
  const d = event.data;
  const account = escapeMrkdwn(str(d['accountName']) ?? str(d['accountId']) ?? 'an account');
  const flag = escapeMrkdwn(str(d['flag']) ?? 'a flag');
  const raised = event.type === 'flag.raised';
  const facts = [
    str(d['day']) && `day ${str(d['day'])}`,
    str(d['health']) && `health ${str(d['health'])}${str(d['band']) ? ` (${str(d['band'])})` : ''}`,
  ].filter(Boolean);
  return `${raised ? ':warning: Flag raised' : ':white_check_mark: Flag cleared'} on *${account}*: \`${flag}\`${facts.length ? ` — ${facts.join(', ')}` : ''}`;
}

function digestBlocks(digest: Digest): SlackPayload {
  const t = digest.totals;
  const text = `Weekly digest for ${digest.owner}, ${digest.week.label}: ${t.accounts} accounts, ${t.flagsRaised} flags raised, ${t.flagsCleared} cleared, ${t.milestonesReached} milestones reached, ${t.overdueGoals} goals overdue`;
  const lines = (title: string, items: string[]) =>
    items.length
      ? `*${title}*\n${items
          .slice(0, 10)
          .map((i) => `• ${i}`)
          .join('\n')}${items.length > 10 ? `\n…and ${items.length - 10} more` : ''}`
      : '';
  const body = [
    `*Health:* :red_circle: ${t.red} red · :large_yellow_circle: ${t.yellow} yellow · :large_green_circle: ${t.green} green${t.unscored ? ` · ${t.unscored} not scored` : ''}`,
    lines(
      'Flags raised',
      digest.flagsRaised.map((f) => `${escapeMrkdwn(f.name)}: \`${escapeMrkdwn(f.flag)}\``),
    ),
    lines(
      'Flags cleared',
      digest.flagsCleared.map((f) => `${escapeMrkdwn(f.name)}: \`${escapeMrkdwn(f.flag)}\``),
    ),
    lines(
      'Milestones reached',
      digest.milestonesReached.map((m) => `${escapeMrkdwn(m.name)}: ${escapeMrkdwn(m.milestoneName)}${m.day !== null ? ` (day ${m.day})` : ''}`),
    ),
    lines(
      'Overdue goals',
      digest.overdueGoals.map((g) => `${escapeMrkdwn(g.name)}: ${escapeMrkdwn(g.milestoneName)}, due day ${g.dueDay} (${g.daysOverdue} days over)`),
    ),
  ].filter(Boolean);
  return {
    text: escapeMrkdwn(text),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `Weekly digest · ${digest.week.label}`.slice(0, 150) } },
      ...body.map(section),
      context(`${escapeMrkdwn(digest.owner)} · ${t.accounts} accounts · ${digest.week.start.slice(0, 10)} to ${digest.week.end.slice(0, 10)}`),
    ],
  };
}

/** The Slack incoming-webhook message for a webhook event (the `slack` format). */
export function slackPayload(event: WebhookEvent): SlackPayload {
  if (event.type === 'digest.weekly') return digestBlocks(event.data as unknown as Digest);
  const text = event.type === 'webhook.test' ? ':wave: Test event from Waymark: this webhook works.' : flagText(event);
  return { text, blocks: [section(text), context(`Waymark · ${event.type} · ${event.createdAt}`)] };
}
