import { CollectionPicker } from './CollectionPicker';
import type { SignedIn } from './SessionGate';
import { chooseCollection, signOut } from './session';

/** The header's right-hand side on a multi-user server: the collection, the user, sign out. */
export function AccountBar({
  signedIn,
  onSwitched,
}: {
  signedIn: SignedIn;
  /** After the collection changed: where to go (a document of the old one is not in the new). */
  onSwitched: () => void;
}) {
  const { me, current } = signedIn;
  return (
    <div className="account-bar">
      <CollectionPicker
        user={me.user.displayName}
        memberships={me.memberships}
        current={current}
        onChoose={(slug) => {
          chooseCollection(slug);
          onSwitched();
        }}
      />
      <button
        type="button"
        className="sign-out"
        title={`Signed in as ${me.user.displayName} (${me.user.username})`}
        onClick={() => signOut()}
      >
        Sign out
      </button>
    </div>
  );
}
