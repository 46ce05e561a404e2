import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { BrandingInfo } from '../../../../shared/contract/branding';
import type { ApiError } from '../../../../shared/contract/errors';
import { api } from '../../../app/api-client';
import { useBranding } from '../../../app/branding';
import { translateError, useI18n } from '../../../i18n/i18n';

type Outcome = { ok: true; body: BrandingInfo } | { ok: false; error: ApiError };

/**
 * The event's logo, accent colour and custom CSS for the output views (#19), set here and shown
 * by the audience screen, the lower third and the clock at once (never by the speaker monitor).
 */
export function BrandingSettings() {
  const { t } = useI18n();
  const { logoUrl } = useBranding();
  const [info, setInfo] = useState<BrandingInfo | null>(null);
  const [accent, setAccent] = useState('#4c8dff');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const ids = { logo: useId(), css: useId(), accent: useId() };

  useEffect(() => {
    void api('branding').then((r) => {
      if (!r.ok) return;
      setInfo(r.body);
      if (r.body.accent) setAccent(r.body.accent);
    });
  }, []);

  const done = (r: Outcome, text: string) => {
    if (r.ok) {
      setInfo(r.body);
      setMessage({ text, error: false });
    } else {
      setMessage({ text: `${translateError(t, r.error)} ${r.error.message}`, error: true });
    }
  };

  const upload = (kind: 'logo' | 'css') => async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setMessage(null);
    const r = await api(kind === 'logo' ? 'brandingLogoUpload' : 'brandingCssUpload', { body: file });
    done(r, t(kind === 'logo' ? 'branding.done.logo' : 'branding.done.css'));
  };
  const change = async (body: { accent?: string | null; logo?: null; css?: null }, text: string) => {
    setMessage(null);
    done(await api('brandingChange', { body }), text);
  };

  return (
    <section className="branding" data-testid="branding" aria-labelledby={`${ids.logo}-title`}>
      <h3 className="branding__title" id={`${ids.logo}-title`}>
        {t('branding.title')}
      </h3>
      <p className="display-manager__hint">{t('branding.hint')}</p>
      <p className={`display-manager__feedback${message?.error ? ' display-manager__feedback--error' : ''}`} data-testid="branding-feedback" role="status" aria-live="polite">
        {message?.text}
      </p>
      <div className="branding__row">
        <div className="branding__preview" data-testid="branding-preview">
          {logoUrl ? <img src={logoUrl} alt={t('branding.logo.current')} /> : <span>{t('branding.logo.none')}</span>}
        </div>
        <input id={ids.logo} className="visually-hidden" type="file" accept="image/png,image/svg+xml,.png,.svg" data-testid="branding-logo-input" onChange={(e) => void upload('logo')(e)} />
        <label className="mod-btn mod-btn--small branding__file" htmlFor={ids.logo}>
          {t('branding.logo.upload')}
        </label>
        {info?.logo && (
          <button type="button" className="mod-btn mod-btn--small" data-testid="branding-logo-remove" onClick={() => void change({ logo: null }, t('branding.done.logoRemoved'))}>
            {t('branding.logo.remove')}
          </button>
        )}
        <span className="display-form__hint">{t('branding.logo.rules')}</span>
      </div>
      <div className="branding__row">
        <label className="display-form__field" htmlFor={ids.accent}>
          <span>{t('branding.accent.label')}</span>
          <input id={ids.accent} type="color" data-testid="branding-accent" value={accent} onChange={(e) => setAccent(e.target.value)} />
        </label>
        <button type="button" className="mod-btn mod-btn--small mod-btn--primary" data-testid="branding-accent-save" onClick={() => void change({ accent }, t('branding.done.accent'))}>
          {t('branding.accent.save')}
        </button>
        {info?.accent && (
          <button type="button" className="mod-btn mod-btn--small" data-testid="branding-accent-clear" onClick={() => void change({ accent: null }, t('branding.done.accentCleared'))}>
            {t('branding.accent.clear')}
          </button>
        )}
        <span className="branding__swatch" data-testid="branding-accent-current">
          {info?.accent ?? t('branding.accent.none')}
        </span>
      </div>
      <div className="branding__row">
        <input id={ids.css} className="visually-hidden" type="file" accept="text/css,.css" data-testid="branding-css-input" onChange={(e) => void upload('css')(e)} />
        <label className="mod-btn mod-btn--small branding__file" htmlFor={ids.css}>
          {t('branding.css.upload')}
        </label>
        {info?.css && (
          <button type="button" className="mod-btn mod-btn--small" data-testid="branding-css-remove" onClick={() => void change({ css: null }, t('branding.done.cssRemoved'))}>
            {t('branding.css.remove')}
          </button>
        )}
        <span className="display-form__hint">{info?.css ? t('branding.css.set', { kb: Math.ceil(info.css.bytes / 1024) }) : t('branding.css.none')}</span>
      </div>
    </section>
  );
}
