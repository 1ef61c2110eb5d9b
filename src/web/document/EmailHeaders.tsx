import type { EmailInfo } from '../api/types';
import { formatDate } from '../format';
import { Fields } from './Fields';

export function EmailHeaders({ email }: { email: EmailInfo }) {
  return (
    <section className="panel" aria-labelledby="email-heading">
      <h2 id="email-heading">E-mail</h2>
      <Fields
        label="E-mail headers"
        rows={[
          ['From', email.from],
          ['To', email.to.join(', ')],
          ['Cc', email.cc.join(', ')],
          ['Date', email.sentAt && formatDate(email.sentAt)],
          ['Subject', email.subject],
          ['Message-ID', email.messageId && <span className="mono">{email.messageId}</span>],
          ['In reply to', email.inReplyTo && <span className="mono">{email.inReplyTo}</span>],
          ['Thread', email.threadId && <span className="mono">{email.threadId}</span>],
        ]}
      />
    </section>
  );
}
