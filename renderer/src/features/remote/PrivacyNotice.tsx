import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { attempt } from '../../app/store';
import { useModalDialog } from '../../app/useModalDialog';
import { reloadSource, useSource } from './useRemote';

/** The privacy notice shown before the first request to a new endpoint; accepting it is recorded in the workspace. */
export function PrivacyNotice() {
  const { t } = useTranslation();
  const open = useSource((s) => s.privacyOpen);
  const status = useSource((s) => s.status);
  const close = () => useSource.setState({ privacyOpen: false });
  const { ref: dialog, onClose } = useModalDialog(open, close);
  const accept = async () => {
    const r = await attempt(() => api.call('remote.acknowledge', {}));
    if (r) useSource.setState({ status: r });
    close();
    void reloadSource();
  };
  const endpoint = status?.source.kind === 'remote' ? status.source.baseUrl : '';
  return (
    <dialog ref={dialog} className="modal remote-privacy" aria-labelledby="remote-privacy-title" aria-describedby="remote-privacy-body" onClose={onClose}>
      <h2 id="remote-privacy-title">{t('remote.privacyTitle')}</h2>
      <p className="remote-endpoint">{t('remote.privacyEndpoint', { endpoint })}</p>
      <div id="remote-privacy-body">
        <p>{t('remote.privacyBody1')}</p>
        <p>{t('remote.privacyBody2')}</p>
      </div>
      <div className="form-actions">
        <button type="button" onClick={close}>
          {t('remote.privacyCancel')}
        </button>
        <button type="button" className="primary" onClick={() => void accept()}>
          {t('remote.privacyAccept')}
        </button>
      </div>
    </dialog>
  );
}
