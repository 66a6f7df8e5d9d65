/**
 * "On this page", beyond clause numbers (issue 14): the subjects the page argues that the LGA has briefed on, and how
 * often the LGA was mentioned, by whom. The content script's topic layer answers `topicSummary`; this only shows it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageTopicsSummary } from '../../messaging';
import { joinWords } from '../../vocabulary';
import { askTab } from '../client';
import { StanceBadge } from './parts';

/** `The LGA was mentioned 3 times on this page: by Jane Doe and Sam Sample` (without `by` where no speaker is known). */
export function mentionLine(mentions: number, speakers: readonly string[]): string {
  const times = mentions === 1 ? 'once' : `${mentions} times`;
  const head = `The LGA was mentioned ${times} on this page`;
  if (!speakers.length) return `${head}.`;
  return `${head}: by ${joinWords(speakers)}.`;
}

/** Asks the page's content script once the page summary is there (`ready` changes with each reading of the page). */
export function usePageTopics(tabId: number | null, ready: unknown): PageTopicsSummary | null {
  const [topics, setTopics] = useState<PageTopicsSummary | null>(null);
  useEffect(() => {
    let current = true;
    setTopics(null);
    if (tabId === null || !ready) return;
    void askTab(tabId, { type: 'topicSummary' })
      .then((answer) => {
        if (current) setTopics(answer ?? null);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [tabId, ready]);
  return topics;
}

export function TopicsView({ topics }: { topics: PageTopicsSummary | null }) {
  if (!topics || (!topics.subjects.length && !topics.mentions)) return null;
  return (
    <div data-testid="page-topics">
      {topics.subjects.length > 0 && (
        <section aria-labelledby="page-subjects">
          <h3 id="page-subjects">Subjects the LGA has briefed on</h3>
          <ul class="plain">
            {topics.subjects.map((s) => (
              <li key={s.positionId} data-testid="page-subject" data-position-id={s.positionId}>
                <StanceBadge shown={s.stance} />
                <p>{s.text}</p>
                <p class="muted small">
                  {s.briefing} · {s.paragraphs === 1 ? '1 paragraph' : `${s.paragraphs} paragraphs`} on this page
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {topics.mentions > 0 && <p data-testid="page-mentions">{mentionLine(topics.mentions, topics.speakers)}</p>}
    </div>
  );
}
