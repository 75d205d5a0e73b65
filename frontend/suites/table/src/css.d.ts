// CSS files are bundled as text (esbuild `loader: {".css": "text"}`) and injected as <style>.
declare module "*.css" {
  const text: string;
  export default text;
}
