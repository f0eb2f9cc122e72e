import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, KeyRegular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { LINK_LIFETIME_DAYS, LINK_MAX_DOWNLOADS } from '@csp/domain';
import { ErrorMessage } from '../../app/ErrorMessage';
import { hasErrorCode } from '../../app/errors';
import { useI18n } from '../../app/i18n/useI18n';
import type { MessageKey } from '../../app/i18n/messages';
import { PermissionReason } from '../auth/PermissionReason';
import { usePermission } from '../auth/useSession';
import { CopyButton } from './CopyButton';
import { useGetKeysAndDownloads, type DownloadChoice, type SoftwareLine } from './useSoftware';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '12px' },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, margin: '0 0 8px' },
  heading: { margin: 0 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: '12px',
    alignItems: 'start',
  },
  submitRow: { marginTop: '12px' },
  chosen: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '8px 16px',
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  chosenName: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1, minWidth: 'min(200px, 100%)' },
  action: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '4px' },
  result: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' },
  key: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase400,
    padding: '4px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  url: {
    flexGrow: 1,
    minWidth: 'min(240px, 100%)',
    maxWidth: '100%',
    fontFamily: tokens.fontFamilyMonospace,
  },
  download: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '6px',
    minHeight: '32px',
    padding: '0 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Field = keyof DownloadChoice;
const FIELDS: { field: Field; label: MessageKey; choose: MessageKey; missing: MessageKey }[] = [
  {
    field: 'version',
    label: 'software.version',
    choose: 'software.chooseVersion',
    missing: 'software.versionRequired',
  },
  {
    field: 'language',
    label: 'software.language',
    choose: 'software.chooseLanguage',
    missing: 'software.languageRequired',
  },
  {
    field: 'fileType',
    label: 'software.fileType',
    choose: 'software.chooseFileType',
    missing: 'software.fileTypeRequired',
  },
];

const OPTION_LISTS: Record<Field, 'versions' | 'languages' | 'fileTypes'> = {
  version: 'versions',
  language: 'languages',
  fileType: 'fileTypes',
};

/** A single option is chosen for the user; otherwise they pick. */
function initialChoice(options: SoftwareLine['downloadOptions']): Record<Field, string> {
  const only = (list: readonly string[]) => (list.length === 1 ? list[0]! : '');
  return {
    version: only(options.versions),
    language: only(options.languages),
    fileType: only(options.fileTypes),
  };
}

/** R3, R9: Get keys and downloads, disabled with the reason for roles other than Admin agent. */
function GetKeysButton({
  onClick,
  busy,
  label,
}: {
  onClick: () => void;
  busy: boolean;
  label: string;
}) {
  const { t } = useI18n();
  const permission = usePermission('GET_KEYS_AND_DOWNLOADS');
  const reasonId = useId();
  const styles = useStyles();
  return (
    <span className={styles.action}>
      <Button
        appearance="primary"
        icon={busy ? <Spinner size="tiny" /> : <KeyRegular />}
        disabledFocusable={!permission.allowed || busy}
        aria-describedby={permission.allowed ? undefined : reasonId}
        onClick={onClick}
      >
        {busy ? t('software.getting') : label}
      </Button>
      {!permission.allowed && (
        <PermissionReason id={reasonId} missingRoles={permission.missingRoles} />
      )}
    </span>
  );
}

/**
 * D2: pick Version, Language and File type/OS, Submit to show the product, then Get keys and
 * downloads. Products without downloads offer the key only, or say they have neither.
 */
export function DownloadPanel({
  line,
  customerId,
  onLineChanged,
}: {
  line: SoftwareLine;
  customerId: string;
  onLineChanged: () => void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const options = line.downloadOptions;
  const hasDownloads =
    options.versions.length > 0 && options.languages.length > 0 && options.fileTypes.length > 0;
  const [choice, setChoice] = useState(() => initialChoice(options));
  const [submitted, setSubmitted] = useState<DownloadChoice | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const { getKeys, error, loading } = useGetKeysAndDownloads(customerId);
  const legendId = useId();
  // Issue 14: the key and link are shown only once; a later failed try must not take them away.
  const [shown, setShown] = useState<Result | null>(null);

  const run = (picked: DownloadChoice | null) => {
    getKeys(line.id, picked)
      .then((answer) => {
        if (answer.data) setShown(answer.data.getKeysAndDownloads);
      })
      .catch((failure: unknown) => {
        // D8: cancelled meanwhile: show the line as it is now.
        if (hasErrorCode(failure, 'ALREADY_CANCELLED')) onLineChanged();
      });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice.version || !choice.language || !choice.fileType) {
      setShowMissing(true);
      setSubmitted(null);
      return;
    }
    setShowMissing(false);
    setSubmitted({ ...choice });
  };

  return (
    <div className={styles.section}>
      {!hasDownloads && !line.hasActivationKeys && (
        <Text className={styles.muted}>{t('software.noDownloads')}</Text>
      )}
      {!hasDownloads && line.hasActivationKeys && (
        <div className={styles.chosen}>
          <Text className={styles.chosenName}>{t('software.keysOnly')}</Text>
          <GetKeysButton label={t('software.getKeys')} busy={loading} onClick={() => run(null)} />
        </div>
      )}
      {hasDownloads && (
        <form onSubmit={submit} noValidate>
          <fieldset className={styles.fieldset} aria-labelledby={legendId}>
            <Subtitle2 as="h3" id={legendId} className={styles.legend}>
              {t('software.selectProduct')}
            </Subtitle2>
            <div className={styles.fields}>
              {FIELDS.map(({ field, label, choose, missing }) => (
                <Field
                  key={field}
                  label={t(label)}
                  required
                  validationMessage={showMissing && !choice[field] ? t(missing) : undefined}
                >
                  <Select
                    value={choice[field]}
                    onChange={(_e, { value }) => {
                      setChoice((current) => ({ ...current, [field]: value }));
                      setSubmitted(null);
                    }}
                  >
                    <option value="">{t(choose)}</option>
                    {options[OPTION_LISTS[field]].map((option) => (
                      <option key={option} value={option}>
                        {option}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </div>
            <div className={styles.submitRow}>
              <Button type="submit">{t('software.submit')}</Button>
            </div>
          </fieldset>
        </form>
      )}
      {hasDownloads && submitted && (
        <div className={styles.chosen} role="group" aria-label={t('software.selectedProduct')}>
          <Text className={styles.chosenName}>
            {t('software.chosenProduct', { product: line.product.name, ...submitted })}
          </Text>
          <GetKeysButton
            label={t('software.getKeysAndDownloads')}
            busy={loading}
            onClick={() => run(submitted)}
          />
        </div>
      )}
      {error && <ErrorMessage error={error} />}
      {shown && (
        <KeysResult
          result={shown}
          live={line.links.find((l) => l.id === shown.link?.id)}
          onDownload={onLineChanged}
        />
      )}
    </div>
  );
}

type Result = NonNullable<ReturnType<typeof useGetKeysAndDownloads>['data']>['getKeysAndDownloads'];

/** D2, D3, D5: the key and the new link: shown this once, with Download and Copy link. */
function KeysResult({
  result,
  live,
  onDownload,
}: {
  result: Result;
  /** The same link in the line's list, read again after each download (issue 14). */
  live: SoftwareLine['links'][number] | undefined;
  /** After a Download click: the counts are read again once the download has started. */
  onDownload: () => void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const keyId = useId();
  const urlId = useId();
  const headingId = useId();
  const { activationKey, link } = result;
  const downloadsLeft = live?.downloadsLeft ?? link?.downloadsLeft ?? 0;
  return (
    <section className={styles.result} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('software.keysAndDownloads')}
      </Subtitle2>
      {activationKey && (
        <div className={styles.row}>
          <Text>{t('software.activationKey')}</Text>
          <code id={keyId} className={styles.key}>
            {activationKey}
          </code>
          <CopyButton value={activationKey} targetId={keyId}>
            {t('software.copyKey')}
          </CopyButton>
        </div>
      )}
      {link && (
        <>
          <Text className={styles.fileName}>{link.fileName}</Text>
          <div className={styles.row}>
            <Input
              id={urlId}
              readOnly
              value={link.url}
              className={styles.url}
              aria-label={t('software.linkUrl')}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <div className={styles.row}>
            <a
              href={link.url}
              download={link.fileName}
              className={styles.download}
              onClick={() => {
                // The server counts the download when the browser requests the file.
                window.setTimeout(onDownload, 1_500);
              }}
            >
              <ArrowDownloadRegular aria-hidden />
              {t('software.download')}
            </a>
            <CopyButton value={link.url} targetId={urlId}>
              {t('software.copyLink')}
            </CopyButton>
          </div>
          <Caption1>
            {t('software.linkExpires', { date: i18n.dateTime(link.expiresAt) })}
            {' · '}
            {t('software.downloadsLeft', { count: i18n.number(downloadsLeft) })}
          </Caption1>
          <Caption1 className={styles.muted}>
            {t('software.linkNote', { days: LINK_LIFETIME_DAYS, max: LINK_MAX_DOWNLOADS })}
          </Caption1>
        </>
      )}
    </section>
  );
}
