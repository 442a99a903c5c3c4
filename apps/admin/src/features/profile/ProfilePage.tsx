import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/feedback';
import { useCurrentUser } from '../auth/useSession';
import { PasswordSection } from './PasswordSection';
import { PreferencesSection } from './PreferencesSection';
import { ProfileDetailsSection } from './ProfileDetailsSection';

/** Profile: one's own name, email and password, and this browser's language and theme. */
export function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t('nav.profile')} description={t('profile.description')} />
      <ProfileDetailsSection key={user.version} user={user} />
      <PasswordSection user={user} />
      <PreferencesSection />
    </div>
  );
}
