/**
 * A center's settings for an outside service (its SMS provider, its payment gateway): the
 * provider's name and what may be shown (the sender line) in clear, the secret (API key, merchant
 * id) sealed by the {@link SecretBox}. Only this file opens secrets, and only for the adapters;
 * what routes answer carries the secret masked ({@link maskSecret}).
 */
import type { SyncStore } from '../store/sync-store';
import type { ProviderKind } from '../store/work-store';
import type { SecretBox } from './secret-box';

export interface ProviderSettings {
  provider: string;
  public: Record<string, string>;
  /** null when none was entered, or when it can no longer be opened (a lost key file). */
  secret: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** `••••1a2b`: enough for a person to recognise their key, never enough to use it. */
export function maskSecret(secret: string | null): string | null {
  if (secret === null || secret === '') return null;
  return secret.length > 8 ? `••••${secret.slice(-4)}` : '••••';
}

function boundTo(centerId: string, kind: ProviderKind): string {
  return `${centerId}/${kind}`;
}

export class ProviderSettingsVault {
  constructor(
    private readonly store: SyncStore,
    private readonly box: SecretBox,
  ) {}

  async read(centerId: string, kind: ProviderKind): Promise<ProviderSettings | null> {
    const record = await this.store.work.getProviderSettings(centerId, kind);
    if (!record) return null;
    const secret =
      record.sealedSecret === ''
        ? null
        : this.box.open(record.sealedSecret, boundTo(centerId, kind));
    return {
      provider: record.provider,
      public: JSON.parse(record.publicJson) as Record<string, string>,
      secret,
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
    };
  }

  /** `secret: undefined` keeps the stored one (a form that re-sends the masked value). */
  async write(
    centerId: string,
    kind: ProviderKind,
    input: { provider: string; public: Record<string, string>; secret: string | null | undefined },
    by: { staffId: string; at: string },
  ): Promise<void> {
    let sealed = '';
    if (input.secret === undefined) {
      sealed = (await this.store.work.getProviderSettings(centerId, kind))?.sealedSecret ?? '';
    } else if (input.secret !== null && input.secret !== '') {
      sealed = this.box.seal(input.secret, boundTo(centerId, kind));
    }
    await this.store.write((tx) =>
      tx.putProviderSettings({
        centerId,
        kind,
        provider: input.provider,
        publicJson: JSON.stringify(input.public),
        sealedSecret: sealed,
        updatedAt: by.at,
        updatedBy: by.staffId,
      }),
    );
  }
}
