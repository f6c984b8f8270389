import { Fragment } from 'react';

/**
 * An email address that may wrap after its @ and before a dot when the line is too narrow, so a
 * 320 px pane shows `priya.raman@` / `northwind.example` rather than breaking a word in the middle.
 * Its text is the address unchanged (copied, read aloud and linked whole).
 */
export function AddressText({ address }: { address: string }) {
  const pieces = address.split(/(?<=@)|(?=\.)/);
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </>
  );
}
