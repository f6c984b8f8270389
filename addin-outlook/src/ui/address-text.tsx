/**
 * An email address that may wrap after its @ when the line is too narrow, so a 320 px pane shows
 * `priya.raman@` / `northwind.example` rather than breaking the domain mid-word.
 */
export function AddressText({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}
