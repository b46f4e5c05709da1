/**
 * The few rules antd tokens can't express, shipped with the renderer (not the client's
 * index.html) so the builder's canvas gets them too.
 */
const CSS = `
.tessera-row-fresh > td { animation: tessera-fresh 2.5s ease-out; }
@keyframes tessera-fresh { from { background: #e6f4ff; } to { background: transparent; } }
.tessera-list-item:hover { background: rgba(0, 0, 0, 0.02); }
.tessera-card-field { font-size: 12px; color: rgba(0, 0, 0, 0.65); margin-top: 4px; overflow: hidden; min-width: 0; display: flex; gap: 6px; align-items: baseline; }
.tessera-card-label { color: rgba(0, 0, 0, 0.45); flex: none; }
.tessera-card-label::after { content: ':'; }
.tessera-card-field .ant-typography, .tessera-card-field .ant-tag { font-size: 12px; }
.tessera-card-field .ant-typography:not(a) { color: inherit; }
@media (max-width: 575px) { .tessera-user-name { display: none !important; } }
`;

export const RendererStyles = () => <style>{CSS}</style>;
