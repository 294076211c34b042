import { useEffect, useState } from 'react';

/** Height left for a table body below `offset` pixels of page chrome, following window resizes. */
export function useTableHeight(offset: number, min = 240): number {
  const compute = () => Math.max(min, window.innerHeight - offset);
  const [height, setHeight] = useState(compute);
  useEffect(() => {
    const onResize = () => setHeight(compute());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  });
  return height;
}
