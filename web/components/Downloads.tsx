// A page's download buttons: Excel first (what an office opens), then CSV; links built by the typed client, so a renamed route breaks the build.
export function Downloads(props: { files: readonly { url: URL; label: string }[] }) {
  return (
    <>
      {props.files.map((f) => (
        <a key={f.label} class="button" href={`${f.url.pathname}${f.url.search}`} download>
          {f.label}
        </a>
      ))}
    </>
  );
}
