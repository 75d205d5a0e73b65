// Page controls (dom-contract §7.6): first/previous, the current page (type a number + Enter),
// the page count when known, next/last. Pages are 1-based on screen, 0-based in page_current.
import React from "react";
import { faAngleDoubleLeft } from "@fortawesome/free-solid-svg-icons/faAngleDoubleLeft";
import { faAngleDoubleRight } from "@fortawesome/free-solid-svg-icons/faAngleDoubleRight";
import { faAngleLeft } from "@fortawesome/free-solid-svg-icons/faAngleLeft";
import { faAngleRight } from "@fortawesome/free-solid-svg-icons/faAngleRight";
import { Icon } from "./Icon";
import { typedPage } from "../logic/pagination";

export interface PaginationProps {
  page: number;
  pageCount: number | undefined;
  goTo(page: number): void;
}

export function Pagination({ page, pageCount, goTo }: PaginationProps): React.ReactElement {
  const [draft, setDraft] = React.useState("");
  const last = pageCount === undefined ? undefined : pageCount - 1;
  const submit = (): void => {
    const target = typedPage(draft, pageCount);
    setDraft("");
    if (target !== null && target !== page) goTo(target);
  };
  return (
    <div className="previous-next-container">
      <button className="first-page" disabled={page <= 0} onClick={() => goTo(0)}>
        <Icon icon={faAngleDoubleLeft} />
      </button>
      <button className="previous-page" disabled={page <= 0} onClick={() => goTo(page - 1)}>
        <Icon icon={faAngleLeft} />
      </button>
      <div className="page-number">
        <div className="current-page-container">
          <div className="current-page-shadow">{page + 1}</div>
          <input
            type="text"
            className="current-page"
            placeholder={String(page + 1)}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              event.stopPropagation();
              if (event.key === "Enter") submit();
            }}
            onBlur={submit}
          />
        </div>
        {pageCount !== undefined ? (
          <>
            {" / "}
            <div className="last-page">{pageCount}</div>
          </>
        ) : null}
      </div>
      <button className="next-page" disabled={last !== undefined && page >= last} onClick={() => goTo(page + 1)}>
        <Icon icon={faAngleRight} />
      </button>
      <button
        className="last-page"
        disabled={last === undefined || page >= last}
        onClick={() => last !== undefined && goTo(last)}
      >
        <Icon icon={faAngleDoubleRight} />
      </button>
    </div>
  );
}
