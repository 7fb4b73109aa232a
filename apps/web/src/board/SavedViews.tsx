/** @module Saved views of the board: save the board as it is under a name, open one, copy its link, delete it. */
import { isolate, t } from '../i18n/i18n.js';
import { useState } from 'react';
import { navigate } from '../router.js';
import { deleteView, loadViews, saveView } from '../preferences/saved-views.js';

export function SavedViews() {
  const [views, setViews] = useState(loadViews);
  const [name, setName] = useState('');
  const [said, setSaid] = useState<string>();
  const link = (query: string) => `${location.origin}/?${query}`;
  return (
    <details className="saved-views">
      <summary>{t('views.title', { count: views.length })}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setSaid(t('views.nameFirst'));
          setViews(saveView(name, new URL(location.href).searchParams));
          setSaid(t('views.saved', { name: isolate(name.trim()) }));
          setName('');
        }}
      >
        <label>
          {t('views.saveAs')} <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        <button type="submit">{t('views.save')}</button>
      </form>
      {said ? <p role="status">{said}</p> : null}
      {views.length ? (
        <ul aria-label={t('views.list')}>
          {views.map((v) => (
            <li key={v.name} data-view={v.name}>
              <a
                href={link(v.query)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/?${v.query}`);
                }}
              >
                <bdi>{v.name}</bdi>
              </a>{' '}
              <button
                type="button"
                onClick={() =>
                  void navigator.clipboard
                    ?.writeText(link(v.query))
                    .then(() => setSaid(t('views.copied', { name: isolate(v.name) })))
                    .catch(() => setSaid(t('views.copyThis', { link: link(v.query) })))
                }
              >
                {t('views.copyLink')}
              </button>{' '}
              <button
                type="button"
                aria-label={t('views.deleteLabel', { name: v.name })}
                onClick={() => setViews(deleteView(v.name))}
              >
                {t('views.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
