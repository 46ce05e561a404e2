// Self-hosted Noto Sans SC, split by unicode-range: a display downloads (from its own server)
// only the slices of Chinese it shows, and renders Chinese with no internet at all.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './base.css';
import './controls.css';
