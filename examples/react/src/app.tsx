import { Gate, useChecklist, useGate, useTrack, useWaymark } from '@waymark/react';
import { useEffect, useState } from 'react';

/** Notebook: the user's notes, a first-steps card, and an export that unlocks after the basics. */
export function App() {
  const waymark = useWaymark();
  const track = useTrack();
  const [notes, setNotes] = useState<string[]>([]);
  const [exported, setExported] = useState(false);

  useEffect(() => {
    waymark.identify('demo-user', { name: 'Dana Demo' });
    waymark.group('demo-account', { name: 'Demo Inc.' });
  }, [waymark]);

  const addNote = () => {
    setNotes((n) => [...n, `Note ${n.length + 1}`]);
    track('Note Created');
  };

  return (
    <main>
      <header>
        <h1>Notebook</h1>
        <Gate feature="notes.export">
          <button
            type="button"
            className="export"
            onClick={() => {
              track('Notes Exported', { count: notes.length });
              setExported(true);
            }}
          >
            Export
          </button>
        </Gate>
      </header>
      <FirstSteps />
      <ExportStatus />
      <section className="actions">
        <button type="button" className="add-note" onClick={addNote}>
          New note
        </button>
        <button type="button" className="invite" onClick={() => track('Teammate Invited', { role: 'member' })}>
          Invite a teammate
        </button>
      </section>
      <ul className="notes">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {exported ? <p className="exported">{`Exported ${notes.length} note${notes.length === 1 ? '' : 's'}.`}</p> : null}
    </main>
  );
}

/** The first-steps checklist as a card of the app's own, with a button that opens Waymark's panel. */
function FirstSteps() {
  const { checklist, show } = useChecklist('first-steps');
  if (!checklist || checklist.dismissed) return null;
  return (
    <section className="first-steps" aria-label={checklist.title}>
      <h2>
        {checklist.title}: {checklist.done} of {checklist.total} done
      </h2>
      <progress max={checklist.total} value={checklist.done} />
      <ol>
        {checklist.items.map((item) => (
          <li key={item.key} className={item.done ? 'done' : undefined}>
            {item.done ? '✓ ' : ''}
            {item.title}
          </li>
        ))}
      </ol>
      <button type="button" className="link" onClick={show}>
        Open the checklist
      </button>
    </section>
  );
}

/** What is left before export unlocks. */
function ExportStatus() {
  const gate = useGate('notes.export');
  if (!gate.ready) return null;
  return (
    <p className="export-status">
      {gate.unlocked
        ? 'Export is unlocked.'
        : `Export unlocks after: ${gate.left.map((t) => t.title).join(', ')} (${gate.progress?.done ?? 0} of ${gate.progress?.total ?? 0} done)`}
    </p>
  );
}
