/** Made by the plugin in vite.config.ts from Natural Earth's admin-1 layer (see cut-states.ts). */
declare module 'virtual:mexico-states' {
  import type { GeometryCollection, Topology } from 'topojson-specification';
  const states: Topology<{ states: GeometryCollection<{ name: string; code: string }> }>;
  export default states;
}
