import type { DocumentLink } from '../api/types';
import { shortId } from '../format';
import { documentHref } from '../router';

function LinkList({ links, end }: { links: DocumentLink[]; end: 'parentId' | 'childId' }) {
  return (
    <ul className="link-list">
      {links.map((link) => (
        <li key={`${link[end]}-${link.name ?? ''}`}>
          <a href={documentHref(link[end])}>{link.title ?? link.name ?? '(untitled)'}</a>
          {link.name && link.name !== link.title && <span className="muted"> as {link.name}</span>}
          <span className="mono muted"> {shortId(link[end])}</span>
        </li>
      ))}
    </ul>
  );
}

/** Where this document was attached, and what was attached to it. */
export function DocumentLinks({
  parents,
  children,
}: {
  parents: DocumentLink[];
  children: DocumentLink[];
}) {
  if (parents.length === 0 && children.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="links-heading">
      <h2 id="links-heading">Links</h2>
      {parents.length > 0 && (
        <>
          <h3>Found in</h3>
          <LinkList links={parents} end="parentId" />
        </>
      )}
      {children.length > 0 && (
        <>
          <h3>Attachments</h3>
          <LinkList links={children} end="childId" />
        </>
      )}
    </section>
  );
}
