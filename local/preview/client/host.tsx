// The preview page: contact search on the left, the card for the selected contact
// on the right, the alerts the card raises above it, and (sandbox only) a control
// beside the card that records activity on the contact.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ContactListPage, ListSort, TierFilter } from '../backend.ts';
import { ActivityPanel } from './activity-panel.tsx';
import { listContacts, listReportPages, type ReportPage } from './api.ts';
import { CardFrame } from './card-frame.tsx';
import { installSdkGlobals, type HostAlert } from './sdk-globals.ts';

// Before anything else: the card script that follows this one reads these globals.
installSdkGlobals();

interface ShownAlert extends HostAlert { id: number }

// Set by the server in the page (previewPage) when its backend can record activity.
const canSimulateActivity = document.getElementById('app')?.dataset['simulateActivity'] === 'true';
// Set when `serve` runs beside the emulator: webhooks re-score a changed contact by themselves.
const autoRescore = document.getElementById('app')?.dataset['autoRescore'] === 'true';

const PAGE = 50;

interface ListFilter { query: string; tier: TierFilter | ''; sort: ListSort }
type ShownPage = ContactListPage & { filter: ListFilter };

/** Links to the latest generated simulation and report pages (sandbox), when there are any. */
function ReportLinks({ version }: { version: number }) {
  const [pages, setPages] = useState<ReportPage[]>([]);
  useEffect(() => {
    let stale = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The sandbox writes its pages in the background after start: look again until they are there.
    const look = (tries: number) => listReportPages().then((found) => {
      if (stale) return;
      setPages(found);
      if (found.length < 2 && tries > 0) timer = setTimeout(() => look(tries - 1), 3000);
    }).catch(() => { /* no pages: no links */ });
    void look(40);
    return () => { stale = true; clearTimeout(timer); };
  }, [version]);
  if (pages.length === 0) return null;
  return (
    <nav className="report-links" data-testid="report-links">
      {pages.map((p) => <a key={p.name} href={`/reports/${p.name}`} target="_blank" rel="noreferrer" data-testid="report-link" title={`Generated ${p.updatedAt}`}>{p.title}</a>)}
    </nav>
  );
}

/** The contact list: search (names, emails, or "Contact 2620" for an unnamed one), tier filter, sort, and "Show more" paging. */
function ContactList({ selected, onSelect, version }: { selected: string | null; onSelect: (id: string) => void; version: number }) {
  const [query, setQuery] = useState('');
  const [tier, setTier] = useState<TierFilter | ''>('');
  const [sort, setSort] = useState<ListSort>('score');
  // The page on show and the filter it answers (query, tier, sort), so the list can say which one it renders.
  const [page, setPage] = useState<ShownPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // Bumped whenever the filter (or the list's version) changes: a response for an older one is dropped.
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    const filter = { query, tier, sort };
    const timer = setTimeout(() => {
      listContacts({ q: query, sort, limit: PAGE, ...(tier ? { tier } : {}) })
        .then((found) => { if (generation.current === mine) { setPage({ ...found, filter }); setError(null); } })
        .catch((failure: Error) => { if (generation.current === mine) setError(failure.message); });
    }, query ? 150 : 0);
    return () => { clearTimeout(timer); };
  }, [query, tier, sort, version]);

  const more = () => {
    if (!page?.after) return;
    const mine = generation.current;
    const shown = page;
    setLoadingMore(true);
    listContacts({ q: shown.filter.query, sort: shown.filter.sort, limit: PAGE, after: shown.after, ...(shown.filter.tier ? { tier: shown.filter.tier } : {}) })
      // Appended only to the page it continues: a filter change meanwhile makes this answer stale.
      .then((next) => { if (generation.current === mine) setPage({ contacts: [...shown.contacts, ...next.contacts], total: next.total, filter: shown.filter, ...(next.after ? { after: next.after } : {}) }); })
      .catch((failure: Error) => { if (generation.current === mine) setError(failure.message); })
      .finally(() => setLoadingMore(false));
  };
  const contacts = page?.contacts ?? null;

  return (
    <aside className="contacts">
      <header>
        <h1>Contacts</h1>
        <ReportLinks version={version} />
        <input data-testid="contact-search" type="search" placeholder="Search by name, email or Contact 1234" value={query} onChange={(event) => setQuery(event.target.value)} />
        <div className="list-controls">
          <select data-testid="tier-filter" aria-label="Tier" value={tier} onChange={(event) => setTier(event.target.value as TierFilter | '')}>
            <option value="">All tiers</option>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
            <option value="unscored">Not scored</option>
          </select>
          <select data-testid="list-sort" aria-label="Sort" value={sort} onChange={(event) => setSort(event.target.value as ListSort)}>
            <option value="score">Highest score</option>
            <option value="newest">Newest first</option>
          </select>
        </div>
        {page && <small className="list-count" data-testid="contact-count">{`${page.contacts.length} of ${page.total}`}</small>}
      </header>
      {error && <p className="placeholder" data-testid="contact-list-error">{error}</p>}
      <ul className="contact-list" data-testid="contact-list" data-loaded={contacts ? 'true' : 'false'}
        data-tier-filter={page?.filter.tier} data-query={page?.filter.query} data-sort={page?.filter.sort}
        data-current={page && page.filter.query === query && page.filter.tier === tier && page.filter.sort === sort ? 'true' : 'false'}>
        {contacts?.map((contact) => (
          <li key={contact.id} className="contact-item" data-testid="contact-item" data-contact-id={contact.id} aria-selected={contact.id === selected}
            onClick={() => onSelect(contact.id)}>
            <span className="name" data-testid="contact-name">{contact.name}</span>
            <span className="email">{contact.email ?? 'no email'}</span>
            <span className="meta" data-testid="contact-tier" data-tier={contact.tier ?? ''}>
              {contact.tier ?? 'not scored'}{contact.leadScore === null ? '' : ` · ${contact.leadScore}`}
            </span>
          </li>
        ))}
        {contacts?.length === 0 && <li className="placeholder" data-testid="contact-list-empty">No contact matches.</li>}
        {page?.after && (
          <li className="more"><button type="button" className="hs-button hs-button--sm" data-testid="contact-more" disabled={loadingMore} onClick={more}>
            {loadingMore ? 'Loading…' : 'Show more'}</button></li>
        )}
      </ul>
    </aside>
  );
}

function PreviewPage() {
  const [selected, setSelected] = useState<string | null>(() => new URLSearchParams(location.search).get('contact'));
  const [alerts, setAlerts] = useState<ShownAlert[]>([]);
  const [listVersion, setListVersion] = useState(0);
  const nextId = useRef(1);

  const onAlert = useCallback((alert: HostAlert) => {
    const id = nextId.current++;
    setAlerts((shown) => [{ ...alert, id }, ...shown].slice(0, 5));
  }, []);
  const onRecordChanged = useCallback(() => setListVersion((v) => v + 1), []);
  const select = useCallback((id: string) => {
    setSelected(id);
    setAlerts([]);
    history.replaceState(null, '', `?contact=${encodeURIComponent(id)}`);
  }, []);

  return (
    <div className="layout">
      <ContactList selected={selected} onSelect={select} version={listVersion} />
      <main className="record">
        <div className="alerts" data-testid="alert-banner">
          {alerts.map((alert) => (
            <div key={alert.id} className="page-alert" role="status" data-testid="alert" data-alert-type={alert.type ?? 'info'}>
              {alert.title && <strong data-testid="alert-title">{alert.title}</strong>}
              <span data-testid="alert-message">{alert.message}</span>
              <button type="button" aria-label="Dismiss" onClick={() => setAlerts((shown) => shown.filter((a) => a.id !== alert.id))}>×</button>
            </div>
          ))}
        </div>
        <div className="record-row">
          <section className="sidebar-card" data-testid="card-frame" data-contact-id={selected ?? ''}>
            <header><span>Lead decision</span><small>Lead Decisions app</small></header>
            <div className="card-body">
              {selected
                ? <CardFrame key={selected} contactId={selected} onAlert={onAlert} onRecordChanged={onRecordChanged} />
                : <p className="placeholder" data-testid="card-empty">Pick a contact to see its card.</p>}
            </div>
          </section>
          {canSimulateActivity && selected && <ActivityPanel key={selected} contactId={selected} recordVersion={listVersion} autoRescore={autoRescore} />}
        </div>
      </main>
    </div>
  );
}

const container = document.getElementById('app');
if (container) createRoot(container).render(<PreviewPage />);
