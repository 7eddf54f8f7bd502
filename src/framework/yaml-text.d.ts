/** YAML files imported as text: the build inlines them as strings (esbuild's `text` loader). */
declare module "*.yaml" {
  const text: string;
  export default text;
}
