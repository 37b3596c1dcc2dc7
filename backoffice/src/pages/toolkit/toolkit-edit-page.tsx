import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert, FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { classNames } from '../../components/class-names.ts';
import { FormFieldFrame } from '../../components/form-field-frame.tsx';
import { PageHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { fetchToolkitPage, saveToolkitPage } from './toolkit-api.ts';
import './toolkit.css';

/** The national coordinator edits a page in Markdown; each save is a new version. */
export function ToolkitEditPage() {
  const t = useTranslate();
  const navigate = useNavigate();
  const { slug = '' } = useParams();
  const page = useApiData(() => fetchToolkitPage(slug), `toolkit-edit:${slug}`);
  const form = useApiForm(['title', 'markdown'] as const);
  const [title, setTitle] = useState('');
  const [markdown, setMarkdown] = useState('');
  useEffect(() => {
    if (page.data) {
      setTitle(page.data.title);
      setMarkdown(page.data.markdown);
    }
  }, [page.data]);

  if (page.error) return <ErrorAlert>{page.error}</ErrorAlert>;
  if (!page.data) return <p className="nl-paragraph">{t('app.loading')}</p>;
  const baseVersion = page.data.version;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      async () => {
        await saveToolkitPage(slug, { title: title.trim(), markdown, baseVersion });
        await navigate(`/toolkit/${slug}`);
      },
      {
        title: title.trim().length < 3 ? t('toolkit.titleTooShort') : undefined,
        markdown: markdown.trim().length < 20 ? t('toolkit.textTooShort') : undefined,
      },
    );
  }

  const markdownId = form.fieldId('markdown');
  return (
    <>
      <PageHeading>{t('toolkit.editTitle', { title: page.data.title })}</PageHeading>
      <p className="nl-paragraph">{t('toolkit.editIntro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <TextField
          id={form.fieldId('title')}
          label={t('toolkit.fieldTitle')}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={form.fieldErrors.title}
        />
        <FormFieldFrame
          id={markdownId}
          kind="text"
          label={t('toolkit.fieldMarkdown')}
          description={t('toolkit.fieldMarkdownHint')}
          error={form.fieldErrors.markdown}
        >
          {(describedBy) => (
            <textarea
              id={markdownId}
              className={classNames(
                'utrecht-textbox od-toolkit-editor',
                form.fieldErrors.markdown && 'utrecht-textbox--invalid',
              )}
              aria-invalid={form.fieldErrors.markdown ? true : undefined}
              aria-describedby={describedBy}
              value={markdown}
              onChange={(event) => setMarkdown(event.target.value)}
            />
          )}
        </FormFieldFrame>
        <ButtonGroup>
          <Button appearance="primary" type="submit" busy={form.busy}>
            {t('toolkit.save')}
          </Button>
          <Button onClick={() => void navigate(`/toolkit/${slug}`)}>{t('toolkit.cancel')}</Button>
        </ButtonGroup>
      </form>
    </>
  );
}
