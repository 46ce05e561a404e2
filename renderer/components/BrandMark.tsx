import './brand.css';
import { useBranding } from '../app/branding';

/**
 * The event's logo (#19), in the `brand-slot` element every output view keeps for it (a stable
 * class name for custom CSS: docs/outputs-branding.md). Empty without a logo.
 */
export function BrandMark({ className = '' }: { className?: string }) {
  const { logoUrl } = useBranding();
  return (
    <div className={`brand-slot${className ? ` ${className}` : ''}`} data-testid="brand-slot" data-logo={logoUrl !== null}>
      {logoUrl !== null && <img className="brand-slot__logo" src={logoUrl} alt="" data-testid="brand-logo" />}
    </div>
  );
}
