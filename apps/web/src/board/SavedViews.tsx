/** @module Saved views of the board: save the board as it is under a name, open one, copy its link, delete it. */
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
      <summary>Views{views.length ? ` (${views.length})` : ''}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setSaid('Give the view a name first.');
          setViews(saveView(name, new URL(location.href).searchParams));
          setSaid(`Saved “${name.trim()}”: units, team, filters, order and columns.`);
          setName('');
        }}
      >
        <label>
          Save this board as <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        <button type="submit">Save view</button>
      </form>
      {said ? <p role="status">{said}</p> : null}
      {views.length ? (
        <ul aria-label="Saved views">
          {views.map((v) => (
            <li key={v.name} data-view={v.name}>
              <a
                href={link(v.query)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/?${v.query}`);
                }}
              >
                {v.name}
              </a>{' '}
              <button
                type="button"
                onClick={() =>
                  void navigator.clipboard
                    ?.writeText(link(v.query))
                    .then(() => setSaid(`The link to “${v.name}” is copied: whoever opens it sees this board.`))
                    .catch(() => setSaid(`Copy this link: ${link(v.query)}`))
                }
              >
                Copy link
              </button>{' '}
              <button
                type="button"
                aria-label={`Delete the view ${v.name}`}
                onClick={() => setViews(deleteView(v.name))}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
