import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteEndpoint, SourceStatus } from '../../../../shared/api/remote';
import { api } from '../../api';
import { attempt, useApp } from '../../app/store';
import { useModalDialog } from '../../app/useModalDialog';
import { describeError } from '../../i18n/errors';
import { PrivacyNotice } from './PrivacyNotice';
import { RequestLog } from './RequestLog';
import { openPrivacyNotice, useSource, useSourceStatus } from './useRemote';
import './remote.css';

const DEFAULTS: Omit<RemoteEndpoint, 'baseUrl'> = {
  kind: 'remote',
  timeoutMs: 10_000,
  parallel: 4,
  limit: 20,
  area: 'municipality',
  includeNational: true,
  targetGroupsFromAge: false,
  funding: [],
};

/** "In use: …" and a button that opens the settings of the recommender source; for the matching and try-out screens. */
export function SourcePanel() {
  const { t } = useTranslation();
  const status = useSourceStatus();
  const [open, setOpen] = useState(false);
  const { ref: dialog, onClose } = useModalDialog(open, () => setOpen(false));
  if (!status) return null;
  const src = status.source;
  return (
    <div className="remote-source-line">
      <span className="remote-in-use" data-source={src.kind}>
        {t('remote.inUse', { source: src.kind === 'remote' ? src.baseUrl : t('remote.builtin') })}
      </span>
      <button type="button" onClick={() => setOpen(true)}>
        {t('remote.open')}
      </button>
      {src.kind === 'remote' && !status.acknowledged && (
        <button type="button" className="primary" onClick={openPrivacyNotice}>
          {t('remote.readNotice')}
        </button>
      )}
      <dialog ref={dialog} className="modal remote-dialog" aria-labelledby="remote-source-title" onClose={onClose}>
        <h2 id="remote-source-title">{t('remote.sourceTitle')}</h2>
        <p className="muted">{t('remote.sourceLead')}</p>
        {open && <SourceForm status={status} />}
        <div className="form-actions">
          <button type="button" onClick={() => setOpen(false)}>
            {t('remote.close')}
          </button>
        </div>
      </dialog>
      <PrivacyNotice />
    </div>
  );
}

function SourceForm({ status }: { status: SourceStatus }) {
  const { t } = useTranslation();
  const notify = useApp((s) => s.notify);
  const mode = useSource((s) => s.mode);
  const initial = status.source.kind === 'remote' ? status.source : { ...DEFAULTS, baseUrl: '' };
  const [kind, setKind] = useState<'builtin' | 'remote'>(status.source.kind);
  const [ep, setEp] = useState<RemoteEndpoint>(initial);
  const [key, setKey] = useState('');
  const [showLog, setShowLog] = useState(false);
  const describe = (e: Parameters<typeof describeError>[1]) => describeError(t, e);
  const set = <K extends keyof RemoteEndpoint>(k: K, v: RemoteEndpoint[K]) => setEp((x) => ({ ...x, [k]: v }));
  const num = (k: 'timeoutMs' | 'parallel' | 'limit', min: number, max: number) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const v = Number(e.target.value);
    if (Number.isInteger(v) && v >= min && v <= max) set(k, v);
  };

  const save = async () => {
    const source = kind === 'builtin' ? { kind: 'builtin' as const } : { ...ep, ...(ep.keyHeader?.trim() ? { keyHeader: ep.keyHeader.trim() } : { keyHeader: undefined }) };
    const r = await attempt(() => api.call('remote.setSource', { source }), describe);
    if (!r) return;
    useSource.setState({ status: r });
    notify({ kind: 'info', text: t('remote.saved') });
    // A new endpoint: the notice comes before anything could be sent.
    if (r.source.kind === 'remote' && !r.acknowledged) openPrivacyNotice();
  };
  const saveKey = async (value: string | null) => {
    const r = await attempt(() => api.call('remote.setKey', { key: value }), describe);
    if (!r) return;
    useSource.setState({ status: r });
    setKey('');
    notify({ kind: 'info', text: t(value === null ? 'remote.keyForgotten' : 'remote.keySaved') });
  };
  const savedRemote = status.source.kind === 'remote' ? status.source : null;
  const keyWhere = status.key === 'keychain' || (status.key === 'none' && mode === 'desktop') ? t('remote.keyKeychain') : t('remote.keySession');

  return (
    <div className="remote-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="remote-kind">
          <legend>{t('remote.sourceTitle')}</legend>
          <label>
            <input type="radio" name="remote-kind" value="builtin" checked={kind === 'builtin'} onChange={() => setKind('builtin')} /> {t('remote.builtin')}
          </label>
          <label>
            <input type="radio" name="remote-kind" value="remote" checked={kind === 'remote'} onChange={() => setKind('remote')} /> {t('remote.remoteOption')}
          </label>
        </fieldset>
        {kind === 'remote' && (
          <div className="remote-fields">
            <div className="field remote-wide">
              <label htmlFor="remote-url">{t('remote.baseUrl')}</label>
              <input id="remote-url" type="url" required value={ep.baseUrl} onChange={(e) => set('baseUrl', e.target.value)} aria-describedby="remote-url-hint" placeholder="http://127.0.0.1:5184/" />
              <p className="hint" id="remote-url-hint">
                {t('remote.baseUrlHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor="remote-key-header">{t('remote.keyHeader')}</label>
              <input id="remote-key-header" value={ep.keyHeader ?? ''} onChange={(e) => set('keyHeader', e.target.value || undefined)} aria-describedby="remote-key-header-hint" />
              <p className="hint" id="remote-key-header-hint">
                {t('remote.keyHeaderHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor="remote-timeout">{t('remote.timeout')}</label>
              <input id="remote-timeout" type="number" min={200} max={120000} step={100} value={ep.timeoutMs} onChange={num('timeoutMs', 200, 120000)} />
            </div>
            <div className="field">
              <label htmlFor="remote-parallel">{t('remote.parallel')}</label>
              <input id="remote-parallel" type="number" min={1} max={32} value={ep.parallel} onChange={num('parallel', 1, 32)} />
            </div>
            <div className="field">
              <label htmlFor="remote-limit">{t('remote.limit')}</label>
              <input id="remote-limit" type="number" min={1} max={50} value={ep.limit} onChange={num('limit', 1, 50)} />
            </div>
            <div className="field">
              <label htmlFor="remote-area">{t('remote.area')}</label>
              <select id="remote-area" value={ep.area} onChange={(e) => set('area', e.target.value as RemoteEndpoint['area'])}>
                {(['municipality', 'region', 'county', 'none'] as const).map((a) => (
                  <option key={a} value={a}>
                    {t(`remote.area_${a}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="remote-funding">{t('remote.funding')}</label>
              <select id="remote-funding" value={ep.funding[0] ?? ''} onChange={(e) => set('funding', e.target.value ? [e.target.value as 'PubliclyFunded'] : [])}>
                <option value="">{t('remote.funding_any')}</option>
                <option value="PubliclyFunded">{t('remote.funding_PubliclyFunded')}</option>
                <option value="MarketFunded">{t('remote.funding_MarketFunded')}</option>
              </select>
            </div>
            <div className="field checkbox">
              <input id="remote-national" type="checkbox" checked={ep.includeNational} onChange={(e) => set('includeNational', e.target.checked)} />
              <label htmlFor="remote-national">{t('remote.includeNational')}</label>
            </div>
            <div className="field checkbox remote-wide">
              <input id="remote-target-groups" type="checkbox" checked={ep.targetGroupsFromAge} onChange={(e) => set('targetGroupsFromAge', e.target.checked)} aria-describedby="remote-target-groups-hint" />
              <label htmlFor="remote-target-groups">{t('remote.targetGroups')}</label>
              <p className="hint" id="remote-target-groups-hint">
                {t('remote.targetGroupsHint')}
              </p>
            </div>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('remote.save')}
          </button>
        </div>
      </form>

      {savedRemote && (
        <>
          <p className={status.acknowledged ? 'muted' : 'field-error'}>{status.acknowledged ? t('remote.acknowledged') : t('remote.notAcknowledged')}</p>
          {!status.acknowledged && (
            <button type="button" onClick={openPrivacyNotice}>
              {t('remote.readNotice')}
            </button>
          )}
          {savedRemote.keyHeader && (
            <form
              className="remote-key"
              onSubmit={(e) => {
                e.preventDefault();
                if (key) void saveKey(key);
              }}
            >
              <div className="field">
                <label htmlFor="remote-key">{t('remote.key')}</label>
                <input id="remote-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} aria-describedby="remote-key-where" />
                <p className="hint" id="remote-key-where">
                  {status.key === 'none' ? t('remote.keyNone') : t('remote.keyStored')} {keyWhere}
                </p>
              </div>
              <div className="form-actions">
                <button type="submit" disabled={!key}>
                  {t('remote.keySave')}
                </button>
                {status.key !== 'none' && (
                  <button type="button" onClick={() => void saveKey(null)}>
                    {t('remote.keyForget')}
                  </button>
                )}
              </div>
            </form>
          )}
          <button type="button" aria-expanded={showLog} onClick={() => setShowLog((x) => !x)}>
            {showLog ? t('remote.logHide') : t('remote.logShow')}
          </button>
          {showLog && <RequestLog />}
        </>
      )}
    </div>
  );
}
